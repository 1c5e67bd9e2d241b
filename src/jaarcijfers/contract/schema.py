"""The input data contract (version 1) as declarative data.

Everything the validator and the warehouse need to know about a delivery lives here: the files, their
source, their columns with type and nullability, uniqueness keys, foreign keys and the names of the
cross-column rules (implemented in `validate.py`, documented in `docs/validation.md`).

Nothing in this module imports a heavy library; it is safe to import from the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

CONTRACT_VERSION = "1.2"

#: The first plausible year of any year column (docs/data-contract.md, "Years"). The last one is the year
#: of the file's `peildatum` (see `validate.year_window`).
MIN_YEAR = 2000

SOURCES: tuple[str, ...] = ("comensha", "ind", "emm", "om", "rechtspraak")
SOURCE_NAMES: dict[str, str] = {
    "comensha": "CoMensha",
    "ind": "IND",
    "emm": "EMM",
    "om": "OM",
    "rechtspraak": "Raad voor de rechtspraak",
}

#: File formats accepted for every contract file, in order of preference (only one may be present).
FORMATS: tuple[str, ...] = ("csv", "parquet", "xlsx")

#: Name of the optional metadata file in a delivery folder.
METADATA_FILE = "levering.toml"
METADATA_KEYS: tuple[str, ...] = ("bron", "peildatum", "omschrijving")
#: Keys of `levering.toml` outside the per-file tables: the reporting year the delivery is for.
DELIVERY_KEYS: tuple[str, ...] = ("verslagjaar",)

#: Values that people use to mean "empty"; the contract only accepts an empty cell.
NULL_MARKERS: frozenset[str] = frozenset(
    {"null", "na", "n/a", "n.v.t.", "nvt", "-", "--", "none", "nan", "#n/a", "?"}
)


class Kind(StrEnum):
    """The type of a contract column. Every value is read as text first and then checked by kind."""

    ID = "id"  # non-empty pseudonymous identifier
    STRING = "string"  # free text, e.g. `wetsartikel`
    YEAR = "year"  # 4-digit year
    AGE = "age"  # whole years 0..120
    BOOL = "bool"  # `ja` / `nee`
    CODE = "code"  # a value of the code list named in `Column.codelist`
    SECTOR = "sector"  # a comensha sector; which values are allowed depends on `vorm` (rule sector-per-vorm)
    COUNTRY = "country"  # ISO 3166-1 alpha-2 (upper case) plus XK and XX
    POSINT = "posint"  # integer >= 1
    AANTAL = "aantal"  # rounded count: `0`, a multiple of 5 that is at least 10, or `<10`

    @property
    def duckdb_type(self) -> str:
        if self in (Kind.YEAR, Kind.AGE, Kind.POSINT):
            return "INTEGER"
        if self is Kind.BOOL:
            return "BOOLEAN"
        return "VARCHAR"


KIND_DESCRIPTIONS: dict[Kind, str] = {
    Kind.ID: "identificatie (niet leeg)",
    Kind.STRING: "tekst",
    Kind.YEAR: "jaar (4 cijfers)",
    Kind.AGE: "leeftijd in hele jaren 0..120",
    Kind.BOOL: "`ja` / `nee`",
    Kind.CODE: "code uit codelijst",
    Kind.SECTOR: "sector (afhankelijk van `vorm`)",
    Kind.COUNTRY: "landcode (ISO 3166-1 alpha-2, XK, XX)",
    Kind.POSINT: "geheel getal ≥ 1",
    Kind.AANTAL: "`0`, een vijfvoud ≥ 10, of `<10`",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    nullable: bool = False  # may a cell be empty?
    codelist: str | None = None  # for Kind.CODE: the name passed to `codelists.codes()`
    required: bool = True  # must the column be present in the header?


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    ref_file: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class FileSpec:
    name: str  # file name without extension = warehouse table name
    source: str
    columns: tuple[Column, ...]
    unique: tuple[tuple[str, ...], ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    rules: tuple[str, ...] = ()  # names of cross-column rules in `validate.ROW_RULES`
    optional: bool = False  # may be absent from a delivery
    description: str = ""
    column_index: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_index", {c.name: c for c in self.columns})

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return self.column_index[name]


def _c(name: str, kind: Kind, codelist: str | None = None, *, nullable: bool = False) -> Column:
    return Column(name=name, kind=kind, nullable=nullable, codelist=codelist)


FILES: dict[str, FileSpec] = {
    spec.name: spec
    for spec in (
        FileSpec(
            name="comensha_registraties",
            source="comensha",
            description="één rij per registratie van een (vermoedelijk) slachtoffer in een jaar",
            columns=(
                _c("registratie_id", Kind.ID),
                _c("jaar", Kind.YEAR),
                _c("anoniem", Kind.BOOL),
                _c("geslacht", Kind.CODE, "geslachten", nullable=True),
                _c("leeftijd", Kind.AGE, nullable=True),
                _c("nationaliteit", Kind.COUNTRY, nullable=True),
            ),
            unique=(("registratie_id",),),
        ),
        FileSpec(
            name="comensha_uitbuiting",
            source="comensha",
            description="één rij per registratie × vorm × sector",
            columns=(
                _c("registratie_id", Kind.ID),
                _c("vorm", Kind.CODE, "comensha_vormen"),
                _c("sector", Kind.SECTOR, nullable=True),
            ),
            unique=(("registratie_id", "vorm", "sector"),),
            foreign_keys=(ForeignKey(("registratie_id",), "comensha_registraties", ("registratie_id",)),),
            rules=("sector-per-vorm",),
        ),
        FileSpec(
            name="comensha_melders",
            source="comensha",
            description="één rij per registratie × meldende organisatie",
            columns=(
                _c("registratie_id", Kind.ID),
                _c("melder", Kind.CODE, "melders"),
            ),
            unique=(("registratie_id", "melder"),),
            foreign_keys=(ForeignKey(("registratie_id",), "comensha_registraties", ("registratie_id",)),),
        ),
        FileSpec(
            name="ind_tabel",
            source="ind",
            description="afgeronde aantallen van de IND",
            columns=(
                _c("jaar", Kind.YEAR),
                _c("maatstaf", Kind.CODE, "ind_maatstaven"),
                _c("aantal", Kind.AANTAL),
            ),
            unique=(("jaar", "maatstaf"),),
        ),
        FileSpec(
            name="emm_onderzoeken",
            source="emm",
            description="één rij per opsporingsonderzoek",
            columns=(
                _c("onderzoek_id", Kind.ID),
                _c("startjaar", Kind.YEAR),
                _c("partij", Kind.CODE, "emm_partijen"),
            ),
            unique=(("onderzoek_id",),),
        ),
        FileSpec(
            name="emm_onderzoek_vormen",
            source="emm",
            description="één rij per onderzoek × vorm",
            columns=(
                _c("onderzoek_id", Kind.ID),
                _c("vorm", Kind.CODE, "emm_vormen"),
            ),
            foreign_keys=(ForeignKey(("onderzoek_id",), "emm_onderzoeken", ("onderzoek_id",)),),
        ),
        FileSpec(
            name="emm_verdachten",
            source="emm",
            description="één rij per verdachte in een onderzoek",
            columns=(
                _c("verdachte_id", Kind.ID),
                _c("onderzoek_id", Kind.ID),
                _c("geslacht", Kind.CODE, "geslachten", nullable=True),
                _c("leeftijd", Kind.AGE, nullable=True),
                _c("nationaliteit", Kind.COUNTRY, nullable=True),
            ),
            unique=(("verdachte_id", "onderzoek_id"),),
            foreign_keys=(ForeignKey(("onderzoek_id",), "emm_onderzoeken", ("onderzoek_id",)),),
        ),
        FileSpec(
            name="om_zaken",
            source="om",
            description="één rij per zaak (één verdachte)",
            columns=(
                _c("zaak_id", Kind.ID),
                _c("inschrijfjaar", Kind.YEAR),
                _c("instantie", Kind.CODE, "om_instanties"),
                _c("geslacht", Kind.CODE, "geslachten", nullable=True),
                _c("leeftijd_pleegdatum", Kind.AGE, nullable=True),
                _c("geboorteland", Kind.COUNTRY, nullable=True),
                _c("afdoening", Kind.CODE, "om_afdoeningen", nullable=True),
                _c("afdoeningsjaar", Kind.YEAR, nullable=True),
                _c("vonnisjaar", Kind.YEAR, nullable=True),
            ),
            unique=(("zaak_id",),),
            rules=("afdoeningsjaar-iff-afdoening",),
        ),
        FileSpec(
            name="om_feiten",
            source="om",
            description="één rij per (ten laste gelegd of ingeschreven) feit van een zaak",
            columns=(
                _c("zaak_id", Kind.ID),
                _c("feit_nr", Kind.POSINT),
                _c("wetsartikel", Kind.STRING),
                _c("classificatie", Kind.CODE, "om_classificaties", nullable=True),
                _c("tenlastegelegd", Kind.BOOL),
                _c("uitspraak", Kind.CODE, "om_uitspraken", nullable=True),
            ),
            unique=(("zaak_id", "feit_nr"),),
            foreign_keys=(ForeignKey(("zaak_id",), "om_zaken", ("zaak_id",)),),
        ),
        FileSpec(
            name="om_dossiercodering",
            source="om",
            optional=True,
            description="handmatige codering uit dossiers en vonnissen (optioneel)",
            columns=(
                _c("zaak_id", Kind.ID),
                _c("vorm", Kind.CODE, "om_dossier_vormen", nullable=True),
                _c("subvorm", Kind.CODE, "om_subvormen", nullable=True),
            ),
            unique=(("zaak_id",),),
            foreign_keys=(ForeignKey(("zaak_id",), "om_zaken", ("zaak_id",)),),
            rules=("subvorm-only-seksueel",),
        ),
        FileSpec(
            name="rechtspraak_tabel",
            source="rechtspraak",
            description="afgeronde aantallen van de Raad voor de rechtspraak",
            columns=(
                _c("jaar", Kind.YEAR),
                _c("maatstaf", Kind.CODE, "rechtspraak_maatstaven"),
                _c("aantal", Kind.AANTAL),
            ),
            unique=(("jaar", "maatstaf"),),
        ),
    )
}

FILE_NAMES: tuple[str, ...] = tuple(FILES)


def files_of(source: str) -> tuple[FileSpec, ...]:
    return tuple(spec for spec in FILES.values() if spec.source == source)
