"""Words about people and organisations: honorifics and titles, name suffixes, roles, groups,
organisation kinds, documents, pronouns. Read by speaker resolution (nlp/speakers/), the name
parser (nlp/names.py) and the quote finder (nlp/quotes/)."""
from __future__ import annotations

from .speech import SPEECH_NOUNS

# words that precede a name without being part of it (compared lower-case, without a final "."):
# courtesy titles, offices, ranks, religious titles. Not "dean" or "major": also first names
# ("Dean Baquet", "Major Garrett")
HONORIFICS = frozenset("""
admiral agent alderman ambassador archbishop attorney ayatollah bishop brother capt captain cardinal
ceo chair chairman chairwoman chancellor chief coach col colonel commander commissioner congressman
congresswoman constable councillor councilor crown dame defence defense deputy detective director dr
economy education emir emperor energy environment envoy father finance fire foreign fr gen general
gov governor grand health hojatoleslam home imam inspector interior judge justice king labor labour
lady leader lord lt maj mayor mep minister miss mla mp mpp mr mrs ms mufti mullah mx officer pm police
pope premier president prime prince princess prof professor provost queen rabbi rector rep
representative rev reverend saint sayed sayyed secretary sen senator seyyed sgt shaikh shaykh sheik
sheikh sir sister solicitor speaker spokesman spokesperson spokeswoman st state sultan
superintendent supreme syed trade transport treasury vice
""".split())

# honorifics that say nothing of an office: not a role a person holds ("Mr. Smith", "Dr. Jones")
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord"})

# honorifics written abbreviated with a full stop before a surname ("Mr. Pence:", a transcript turn)
ABBREVIATED_HONORIFICS = ("mr", "mrs", "ms", "dr", "sen", "gov", "rep")

# words after a name that are not part of it: "Trudeau Jr.", "Khomeini (RA)", "Jane Roe PhD"
NAME_SUFFIXES = frozenset("""
(ra) ii iii iv jr kc md pbuh phd qc ra sr
""".split())

# nouns that describe a person by what they do or are: "the minister", "the Raptors guard"
ROLE_NOUNS = frozenset("""
activist actor actress advocate ambassador analyst athlete attorney author ayatollah boss brother
candidate captain catcher centre ceo chair chairman chairwoman chancellor chief cleric coach
commander commissioner congressman congresswoman conservative councillor councilor daughter dean
defenceman defender defenseman democrat detective director doctor economist editor executive expert
father forward founder general goalie goalkeeper goaltender governor guard head husband imam
inspector judge justice king lawmaker lawyer leader liberal linebacker manager mayor midfielder
minister mla mother mp mpp nominee officer official organizer owner physician pitcher player pm politician pope
premier president president-elect prince principal professor prosecutor quarterback queen receiver
reporter representative republican researcher rookie runner scientist secretary senator shortstop
singer sister skater son spokesman spokesperson spokeswoman star striker superintendent teacher
teammate veteran victim wife winger witness
""".split())

# collective speakers: "officials said", "the ministry said", "UN organizations"
GROUP_NOUNS = frozenset("""
activists administration agencies agency analysts army association authorities bank board cabinet
campaign club coalition commission committee company congress council countries court critics
demonstrators department doctors document documents economists embassy experts family firm friends
fund government group groups hospital house institute investigators kremlin lawmakers lawsuit
lawyers leaders league media members military ministers ministry nations nato network newspaper
observers office official officials opponents organisation organisations organization organizations
organizers outlet parliament party pentagon people police poll prosecutors protesters regime release
report researchers residents school scientists senate source sources spokesman spokesperson
spokeswoman statement states study supporters survey team un union university voters website white
who witnesses
""".split())

# "the company said": an organisation named before under its kind
ORG_NOUNS = frozenset("""
agency airline association authority automaker band bank board broadcaster bureau campaign carrier chain
channel charity city club commission company corporation council country court department diocese
federation firm force foundation franchise government group hospital institute insurer league
manufacturer ministry network newspaper office organisation organization party police province
publisher regulator restaurant retailer school service state station store studio team union
university utility
""".split())

# kinds general enough that "the company" may be the last organisation named at all
GENERIC_ORG_NOUNS = frozenset("""
agency airline automaker bank broadcaster carrier chain charity club company corporation firm
foundation group insurer manufacturer network organisation organization publisher regulator retailer
studio team utility
""".split())

# documents that "say" something for someone: "the union's release said", "the study found"
_DOCUMENTS = frozenset("""
analysis complaint data decision document documents figures filing findings lawsuit notice numbers
poll posts research review ruling study suit survey tweets website
""".split())

DOCUMENT_NOUNS = SPEECH_NOUNS | _DOCUMENTS

POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "us", "me"})
# subject pronouns that can say something ("who" in "X, who said ...")
SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we"})

# titles and role words that say a person's gender
GENDERED_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
                   "king": "m", "queen": "f", "prince": "m", "princess": "f", "ayatollah": "m",
                   "imam": "m", "sheikh": "m", "father": "m", "sister": "f", "brother": "m",
                   "pope": "m", "lady": "f", "lord": "m", "spokesman": "m", "spokeswoman": "f",
                   "chairman": "m", "chairwoman": "f", "actress": "f"}


# third-person personal pronouns the pronoun resolver (nlp/pronouns/) resolves, by case: "her" is
# written "acc" and is possessive where the parser makes it a "poss" dependent
PRONOUN_CASE = {"he": "nom", "she": "nom", "they": "nom", "him": "acc", "her": "acc", "them": "acc",
                "his": "poss", "hers": "poss", "their": "poss", "theirs": "poss",
                "himself": "refl", "herself": "refl", "themselves": "refl"}
THIRD_PERSON_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
