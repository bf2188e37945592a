"""The one place that knows where the project's data folders live."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "geopolitics.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
QUERIES = ROOT / "queries"
DATA = ROOT / "data"
GAZETTEER = DATA / "gazetteers" / "actors.jsonl"
COUNTRIES = DATA / "gazetteers" / "countries.jsonl"
ROLE_WORDS = DATA / "gazetteers" / "roles.json"
FEMALE_NAMES = DATA / "gazetteers" / "female_given_names.txt"
PATTERNS = DATA / "patterns" / "triggers.json"
PEOPLE_WORDS = DATA / "patterns" / "people.json"
LEMMA_FIXES = DATA / "patterns" / "lemma_fixes.json"
ARTICLES = DATA / "articles"
DEFAULT_STORE = Path("kg-store")
