"""Fictional British names, drawn to match a census ethnicity code (any resemblance is chance)."""

import random
import re
import unicodedata
from typing import Final

NamePool = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # female, male, family names

ENGLISH: Final[NamePool] = (
    (
        "Sarah",
        "Emma",
        "Rachel",
        "Laura",
        "Claire",
        "Hannah",
        "Gemma",
        "Rebecca",
        "Charlotte",
        "Joanne",
        "Kelly",
        "Lucy",
        "Amy",
        "Sophie",
        "Helen",
        "Victoria",
        "Jessica",
        "Nicola",
        "Donna",
        "Katie",
        "Louise",
        "Stacey",
        "Jade",
        "Natalie",
        "Karen",
        "Alison",
        "Megan",
        "Chloe",
        "Ellie",
        "Beth",
        "Julie",
        "Lisa",
        "Michelle",
        "Zoe",
        "Abigail",
        "Holly",
        "Georgia",
        "Amber",
    ),
    (
        "James",
        "David",
        "Daniel",
        "Mark",
        "Paul",
        "Richard",
        "Thomas",
        "Matthew",
        "Andrew",
        "Chris",
        "Lee",
        "Gary",
        "Stephen",
        "Jonathan",
        "Luke",
        "Adam",
        "Ben",
        "Craig",
        "Simon",
        "Tom",
        "Ryan",
        "Martin",
        "Neil",
        "Jack",
        "Sam",
        "Ian",
        "Peter",
    ),
    (
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Williams",
        "Wilson",
        "Johnson",
        "Davies",
        "Robinson",
        "Wright",
        "Thompson",
        "Evans",
        "Walker",
        "White",
        "Roberts",
        "Green",
        "Hall",
        "Wood",
        "Jackson",
        "Clarke",
        "Hughes",
        "Edwards",
        "Turner",
        "Hill",
        "Moore",
        "Cooper",
        "Ward",
        "Morris",
        "King",
        "Baker",
        "Harrison",
        "Morgan",
        "Allen",
        "Bennett",
        "Price",
        "Shaw",
        "Lloyd",
        "Marshall",
        "Barnes",
        "Holmes",
        "Parkes",
        "Dudley",
        "Bissell",
        "Hodgetts",
        "Cartwright",
        "Pritchard",
        "Mason",
        "Bayliss",
        "Fletcher",
        "Salt",
        "Wootton",
        "Plant",
        "Griffiths",
    ),
)
IRISH: Final[NamePool] = (
    ("Siobhan", "Niamh", "Aoife", "Ciara", "Mairead", "Orla", "Bridget"),
    ("Sean", "Declan", "Ciaran", "Patrick", "Eoin", "Conor"),
    ("Murphy", "Kelly", "O'Brien", "Byrne", "Walsh", "Ryan", "Doyle", "Gallagher", "McCarthy"),
)
EUROPEAN: Final[NamePool] = (
    ("Agnieszka", "Katarzyna", "Joanna", "Elena", "Ioana", "Ana", "Kristina", "Marta", "Dagmara"),
    ("Tomasz", "Piotr", "Andrei", "Marek", "Lukas", "Mateusz", "Bogdan"),
    (
        "Kowalska",
        "Nowak",
        "Wisniewska",
        "Popescu",
        "Silva",
        "Horvath",
        "Kaminska",
        "Ionescu",
        "Santos",
        "Novak",
        "Lewandowska",
    ),
)
INDIAN: Final[NamePool] = (
    (
        "Priya",
        "Anjali",
        "Sunita",
        "Harpreet",
        "Manjit",
        "Gurpreet",
        "Amrit",
        "Neha",
        "Deepa",
        "Kiran",
        "Jaspreet",
        "Rupinder",
        "Meena",
        "Sukhvinder",
    ),
    ("Rajesh", "Ravi", "Sanjay", "Harjit", "Jaswinder", "Amarjit", "Vikram", "Arun", "Kuldip"),
    (
        "Patel",
        "Sharma",
        "Singh",
        "Kaur",
        "Gill",
        "Sandhu",
        "Mistry",
        "Shah",
        "Bains",
        "Dhillon",
        "Sidhu",
        "Chauhan",
        "Parmar",
        "Johal",
    ),
)
PAKISTANI: Final[NamePool] = (
    ("Aisha", "Fatima", "Sana", "Nadia", "Saima", "Zainab", "Rabia", "Shazia", "Amina", "Hina"),
    ("Imran", "Asif", "Bilal", "Tariq", "Usman", "Adnan", "Kamran", "Faisal"),
    ("Khan", "Hussain", "Ahmed", "Akhtar", "Iqbal", "Mahmood", "Butt", "Riaz", "Bashir", "Qureshi"),
)
BANGLADESHI: Final[NamePool] = (
    ("Ruksana", "Shamima", "Jahanara", "Rehana", "Nasima", "Taslima"),
    ("Nazmul", "Abdul", "Shahid", "Rafiq", "Jamal"),
    ("Begum", "Rahman", "Miah", "Ali", "Uddin", "Islam", "Chowdhury"),
)
CHINESE: Final[NamePool] = (
    ("Mei", "Hui", "Ling", "Xiu", "Yan"),
    ("Wei", "Jun", "Ming", "Hao"),
    ("Chen", "Wong", "Li", "Zhang", "Lam", "Cheung"),
)
CARIBBEAN: Final[NamePool] = (
    ("Marcia", "Simone", "Paulette", "Natalie", "Sharon", "Jasmine", "Tanya", "Keisha", "Maxine"),
    ("Andre", "Jermaine", "Leon", "Delroy", "Marlon", "Wayne", "Winston", "Errol"),
    (
        "Campbell",
        "Francis",
        "Gordon",
        "Grant",
        "Henry",
        "Thomas",
        "Reid",
        "Bailey",
        "Stewart",
        "Lewis",
        "Barrett",
    ),
)
AFRICAN: Final[NamePool] = (
    (
        "Chiamaka",
        "Ngozi",
        "Folake",
        "Tendai",
        "Blessing",
        "Chipo",
        "Abena",
        "Adaeze",
        "Funmilayo",
        "Ruth",
        "Grace",
        "Esther",
        "Precious",
        "Yetunde",
        "Nokuthula",
    ),
    ("Kwame", "Adebayo", "Emeka", "Oluwaseun", "Kofi", "Tinashe", "Chinedu", "Samuel", "Joseph"),
    (
        "Okafor",
        "Mensah",
        "Adeyemi",
        "Osei",
        "Okonkwo",
        "Boateng",
        "Mwangi",
        "Abiodun",
        "Nwosu",
        "Asante",
        "Moyo",
        "Ncube",
        "Oyelaran",
        "Adjei",
        "Eze",
    ),
)
OTHER: Final[NamePool] = (
    ("Leila", "Yasmin", "Hana", "Maryam", "Noor", "Sara"),
    ("Omar", "Ahmad", "Yusuf", "Karim", "Hassan"),
    ("Haddad", "Rahimi", "Karimi", "Mohamed", "Yusuf", "Abdi", "Hassan", "Nasser"),
)

POOLS_BY_ETHNICITY: Final[dict[str, tuple[NamePool, ...]]] = {
    "WBRI": (ENGLISH,),
    "WIRI": (IRISH,),
    "WOTH": (EUROPEAN,),
    "MWBC": (ENGLISH, CARIBBEAN),
    "MWBA": (ENGLISH, AFRICAN),
    "MWAS": (ENGLISH, INDIAN),
    "MOTH": (ENGLISH, OTHER),
    "AIND": (INDIAN,),
    "APKN": (PAKISTANI,),
    "ABAN": (BANGLADESHI,),
    "AOTH": (INDIAN, PAKISTANI),
    "BCRB": (CARIBBEAN,),
    "BAFR": (AFRICAN,),
    "BOTH": (AFRICAN, CARIBBEAN),
    "CHNE": (CHINESE,),
    "OOTH": (OTHER,),
    "REFU": (ENGLISH,),
    "NOBT": (ENGLISH,),
}


def draw_name(rng: random.Random, *, sex: str, ethnicity: str) -> tuple[str, str]:
    """A (given name, family name) pair; mixed heritage may take each from a different pool."""
    pools = POOLS_BY_ETHNICITY[ethnicity]
    given_pool, family_pool = rng.choice(pools), rng.choice(pools)
    given_names = given_pool[0] if sex == "F" else given_pool[1]
    return rng.choice(given_names), rng.choice(family_pool[2])


def email_address(given_name: str, family_name: str, *, domain: str, taken: set[str]) -> str:
    """``given.family@domain`` in lower-case ASCII letters and digits, numbered from 2 when the
    address is in ``taken`` (``sam.taylor2@...``); the address returned is added to ``taken``."""

    def part(name: str) -> str:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]", "", ascii_name.lower())

    local = f"{part(given_name)}.{part(family_name)}".strip(".") or "staff"
    address, number = f"{local}@{domain}", 1
    while address in taken:
        number += 1
        address = f"{local}{number}@{domain}"
    taken.add(address)
    return address
