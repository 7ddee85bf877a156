"""Realistic sample records for the demo desk and the benchmarks: Karachi names, CNICs, phones,
plates, vehicles and handsets. Deterministic for a given seed. Every value is made up."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from cplc_desk.domain.clock import PKT
from cplc_desk.domain.imei import check_digit
from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import ComplaintDraft, PersonDraft, VehicleReportDraft

MALE = (
    "Muhammad Asif", "Ali Raza", "Imran Khan", "Faisal Ahmed", "Kashif Iqbal", "Adnan Siddiqui",
    "Bilal Hussain", "Usman Ghani", "Tariq Mehmood", "Zeeshan Ali", "Salman Qureshi", "Hamza Baig",
    "Junaid Akhtar", "Waqas Sheikh", "Naveed Anjum", "Rizwan Memon", "Shahid Baloch", "Arif Pathan",
    "Danish Rajput", "Owais Ansari", "Syed Hasan Abbas", "Farhan Zaidi", "Abdul Rehman", "Noman Butt",
)  # fmt: skip
FEMALE = (
    "Ayesha Siddiqa", "Fatima Zahra", "Sana Javed", "Hina Qureshi", "Nadia Hussain", "Saima Bano",
    "Rubina Akhtar", "Mehwish Khan", "Amna Baig", "Shazia Memon", "Farzana Baloch", "Sadia Rauf",
)  # fmt: skip
FATHERS = (
    "Muhammad Iqbal", "Abdul Ghaffar", "Ghulam Rasool", "Mushtaq Ahmed", "Nazir Hussain",
    "Abdul Sattar", "Karim Bux", "Ali Muhammad", "Rashid Ali", "Saleem Akhtar", "Anwar Baig",
)  # fmt: skip
STREETS = (
    "Block 2", "Block 5", "Block 13-D", "Sector 11-A", "Phase 6", "Street 14", "Khayaban-e-Ittehad",
    "Plot R-221", "House 45-B", "Flat 302, Al-Noor Apartments", "Gali 7", "Main Road",
)  # fmt: skip
CATEGORY_WEIGHTS = {
    "FIR_NOT_REGISTERED": 14, "FAULTY_INVESTIGATION": 4, "BRIBERY": 3, "ILLEGAL_DETENTION": 2,
    "FALSE_FIR": 2, "POLICE_MISCONDUCT": 3, "THEFT": 10, "STREET_ROBBERY": 16,
    "MOBILE_SNATCHING": 18, "MOBILE_THEFT": 6, "VEHICLE_THEFT": 8, "KIDNAPPING": 1,
    "KIDNAPPING_RANSOM": 1, "EXTORTION": 2, "MISSING_PERSON": 2, "HARASSMENT": 4, "OTHER": 4,
}  # fmt: skip
NARRATIVES = {
    "FIR_NOT_REGISTERED": "Went to the police station twice to report the incident; the duty "
    "officer refused to register an FIR and asked the complainant to come back later.",
    "STREET_ROBBERY": "Two men on a motorcycle stopped the complainant at gunpoint near {place} "
    "and took cash and a wallet with identity documents.",
    "MOBILE_SNATCHING": "The complainant's mobile phone was snatched by a pillion rider near "
    "{place} while the complainant was waiting at a bus stop.",
    "THEFT": "Household items and cash were stolen from the complainant's home at {place} while "
    "the family was away.",
    "VEHICLE_THEFT": "The complainant's motorcycle was stolen from outside a shop at {place}.",
}
MOTORCYCLES = ("Honda CD 70", "Honda CG 125", "Yamaha YBR 125", "Suzuki GS 150", "United US 70",
               "Road Prince RP 70", "Honda Pridor", "Super Power SP 70")  # fmt: skip
CARS = ("Suzuki Mehran", "Suzuki Alto", "Suzuki Cultus", "Toyota Corolla", "Honda City",
        "Honda Civic", "Daihatsu Cuore", "Suzuki Bolan", "Toyota Vitz")  # fmt: skip
RICKSHAWS = ("Sazgar Auto Rickshaw", "New Asia Rickshaw", "Qingqi Loader")
COMMERCIAL = ("Suzuki Ravi", "Toyota Hilux", "JAC Shehzore", "Hino Truck")
COLOURS = ("Black", "Red", "White", "Silver", "Blue", "Grey", "Maroon", "Green")


# Handsets people in Karachi carry: make, model, type code (TAC: the IMEI's first 8 digits) and
# SIM slots. The type codes are made up in the shape of real ones (35: GSMA's British reporting
# body, 86: China's), one per model, so a model's handsets share their first 8 digits.
HANDSETS = (
    ("Samsung", "Galaxy A14", "35287416", 2), ("Samsung", "Galaxy A24", "35094267", 2),
    ("Samsung", "Galaxy A54", "35146821", 2), ("Infinix", "Hot 30", "86054307", 2),
    ("Infinix", "Note 30", "86271905", 2), ("Tecno", "Spark 10", "86193244", 2),
    ("Tecno", "Camon 20", "86402718", 2), ("Vivo", "Y17s", "86637510", 2),
    ("Vivo", "Y27", "86518846", 2), ("Oppo", "A17", "86880632", 2), ("Oppo", "A58", "86744159", 2),
    ("Redmi", "Note 12", "86952371", 2), ("Redmi", "12C", "86305984", 2),
    ("Realme", "C53", "86127463", 2), ("Apple", "iPhone 11", "35391611", 1),
    ("Apple", "iPhone 13", "35284917", 1), ("Apple", "iPhone 14 Pro", "35671742", 1),
    ("Nokia", "C32", "35819226", 2), ("itel", "A70", "35960154", 2),
)  # fmt: skip
HANDSET_COLOURS = ("Black", "Blue", "Green", "Gold", "Silver", "White", "Purple", "Grey")


@dataclass(frozen=True)
class SampleStation:
    code: str
    name: str


class SampleMaker:
    """Makes drafts for one desk. Stations are the police stations records may name."""

    def __init__(self, stations: list[SampleStation], home: str, seed: int = 1102) -> None:
        self.rng = random.Random(seed)
        self.stations = stations
        self.home = next((s for s in stations if s.code == home), stations[0])

    def _station(self) -> SampleStation:
        # Most records at a desk concern its own station.
        return self.home if self.rng.random() < 0.85 else self.rng.choice(self.stations)

    def cnic(self, female: bool) -> str:
        r = self.rng
        last = r.choice("02468") if female else r.choice("13579")
        return f"42{r.randint(1, 5)}01-{r.randint(1_000_000, 9_999_999)}-{last}"

    def mobile(self) -> str:
        r = self.rng
        return f"03{r.choice('0123')}{r.randint(0, 9)}-{r.randint(1_000_000, 9_999_999)}"

    def person(self, female: bool | None = None) -> PersonDraft:
        r = self.rng
        female = r.random() < 0.25 if female is None else female
        name = r.choice(FEMALE if female else MALE)
        station = self._station()
        return PersonDraft(
            name=name,
            relative_name=r.choice(FATHERS),
            cnic=self.cnic(female) if r.random() < 0.92 else "",
            mobile=self.mobile() if r.random() < 0.95 else "",
            address=f"{r.choice(STREETS)}, {station.name}, Karachi",
        )

    def moment(self, days_back: int, now: datetime) -> datetime:
        offset = timedelta(minutes=self.rng.randint(60, days_back * 24 * 60))
        return (now - offset).astimezone(PKT).replace(second=0, microsecond=0)

    def complaint(self, now: datetime, days_back: int = 365) -> ComplaintDraft:
        r = self.rng
        category = r.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
        station = self._station()
        place = f"{r.choice(STREETS)}, {station.name}"
        narrative = NARRATIVES.get(
            category, "The complainant asked CPLC to follow the matter up with {place} police."
        ).format(place=place)
        has_fir = r.random() < 0.35
        incident = self.moment(days_back, now)
        return ComplaintDraft(
            complainant=self.person(),
            category=category,
            police_station=station.code,
            incident_at=incident,
            incident_place=place,
            fir_number=f"{r.randint(1, 900)}/{incident.year}" if has_fir else "",
            fir_date=incident.date() if has_fir else None,
            narrative=narrative,
        )

    def plate(self, vclass: str) -> str:
        r = self.rng
        letters = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
        if vclass == "MOTORCYCLE":
            return f"K{letters[1:]}-{r.randint(1000, 9999)}"
        return f"{letters}-{r.randint(100, 9999)}"

    def vehicle(
        self, now: datetime, kind: str | None = None, days_back: int = 365
    ) -> VehicleReportDraft:
        r = self.rng
        vclass = r.choices(["MOTORCYCLE", "CAR", "RICKSHAW", "COMMERCIAL"], [80, 14, 4, 2])[0]
        kind = kind or r.choices(["stolen", "snatched", "recovered"], [70, 24, 6])[0]
        make_model = r.choice(
            {"MOTORCYCLE": MOTORCYCLES, "CAR": CARS, "RICKSHAW": RICKSHAWS}.get(vclass, COMMERCIAL)
        )
        make, _, model = make_model.partition(" ")
        station = self._station()
        incident = self.moment(days_back, now)
        has_fir = kind != "recovered" and r.random() < 0.6
        digits = "".join(r.choice("0123456789") for _ in range(7))
        return VehicleReportDraft(
            kind=kind,
            vehicle_class=vclass,
            registration=self.plate(vclass) if r.random() < 0.93 else "",
            chassis=f"{r.choice(['KA', 'AH', 'NZE', 'HC', 'YB'])}-{digits}",
            engine=f"{r.choice(['JL1P', 'E4', '1NZ', 'K12', 'CD'])}{r.randint(100000, 9999999)}",
            make=make,
            model=model,
            colour=r.choice(COLOURS),
            model_year=str(r.randint(2008, now.year)),
            owner=self.person() if kind != "recovered" else PersonDraft(),
            incident_at=incident,
            incident_place=f"{r.choice(STREETS)}, {station.name}",
            police_station=station.code,
            fir_number=f"{r.randint(1, 900)}/{incident.year}" if has_fir else "",
            fir_date=incident.date() if has_fir else None,
        )

    def imei(self, tac: str) -> str:
        """An IMEI of a handset of type ``tac`` (8 digits): a serial, then the check digit."""
        body = tac + f"{self.rng.randrange(1_000_000):06d}"
        return body + check_digit(body)

    def handset(self) -> tuple[str, str, str, list[str]]:
        """Make, model, colour and IMEIs (two for a dual-SIM handset, the second's serial
        just after the first's, as makers number them)."""
        r = self.rng
        make, model, tac, slots = r.choice(HANDSETS)
        first = self.imei(tac)
        if slots == 1:
            return make, model, r.choice(HANDSET_COLOURS), [first]
        serial = (int(first[8:14]) + 1) % 1_000_000
        body = f"{tac}{serial:06d}"
        return make, model, r.choice(HANDSET_COLOURS), [first, body + check_digit(body)]

    def phone(
        self, now: datetime, kind: str | None = None, days_back: int = 365
    ) -> PhoneReportDraft:
        r = self.rng
        kind = kind or r.choices(["snatched", "stolen", "recovered", "found"], [60, 30, 7, 3])[0]
        make, model, colour, imeis = self.handset()
        station = self._station()
        theft = kind in ("stolen", "snatched")
        incident = self.moment(days_back, now)
        has_fir = theft and r.random() < 0.3
        return PhoneReportDraft(
            kind=kind,
            imei=imeis[0],
            imei2=imeis[1] if len(imeis) > 1 else "",
            make=make,
            model=model,
            colour=colour,
            sim_number=self.mobile() if theft else "",
            owner=self.person() if theft else PersonDraft(),
            incident_at=incident,
            incident_place=f"{r.choice(STREETS)}, {station.name}",
            police_station=station.code,
            fir_number=f"{r.randint(1, 900)}/{incident.year}" if has_fir else "",
            fir_date=incident.date() if has_fir else None,
        )
