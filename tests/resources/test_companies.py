"""``tmdb.companies``: details, alternative names and images: the exact request each call
sends and the exact model it returns.
"""

from __future__ import annotations

from tests.catalogue_helpers import check_get
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    AlternativeName,
    AlternativeNames,
    Company,
    CompanyRef,
    Logo,
    LogoImages,
    TMDBClient,
)

REC = "recorded/tmdblib"


async def test_company_alternative_names(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get(
        "/3/company/25/alternative_names",
        payload=load(f"{REC}/company-alternative-names-25.200.json"),
    )
    names = await tmdb_local.companies.alternative_names(25)
    check_get(tmdb_server, "/3/company/25/alternative_names")
    assert names == AlternativeNames(
        id=25,
        results=[
            AlternativeName(name="Twentieth Century Fox Film Corporation", type=""),
            AlternativeName(name="Twentieth Century-Fox", type=""),
            AlternativeName(name="Twentieth Century Fox", type=""),
            AlternativeName(name="20th Century-Fox", type=""),
            AlternativeName(name="20세기 폭스", type="Korean"),
            AlternativeName(name="二十世纪福克斯", type="Chinese"),
        ],
    )


async def test_company_images(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/company/25/images", payload=load(f"{REC}/company-images-25.200.json"))
    images = await tmdb_local.companies.images(25)
    check_get(tmdb_server, "/3/company/25/images")
    assert images == LogoImages(
        id=25,
        logos=[
            Logo(
                file_path="/nM2MfoMqzJQRiSynsDabOtFKetD.png",
                id="4f71e77219c2954b52000006",
                file_type=".png",
                aspect_ratio=1.2139303482587065,
                height=603,
                width=732,
                vote_average=0.0,
                vote_count=0,
            ),
            Logo(
                file_path="/qZCc1lty5FzX30aOCVRBLzaVmcp.png",
                id="5aa13d540e0a2644e7007f57",
                file_type=".svg",
                aspect_ratio=1.2727272727272727,
                height=33,
                width=42,
                vote_average=0.0,
                vote_count=0,
            ),
        ],
    )


async def test_company_details(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = {"id": 2, "name": "Walt Disney Pictures", "parent_company": {"id": 1, "name": "Disney"}}
    tmdb_server.get("/3/company/2", payload=body)
    company = await tmdb_local.companies.details(2)
    check_get(tmdb_server, "/3/company/2")
    assert company == Company(
        id=2, name="Walt Disney Pictures", parent_company=CompanyRef(id=1, name="Disney")
    )
