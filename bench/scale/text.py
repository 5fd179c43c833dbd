"""The words of the generated scale data (`generate.py`), in the six languages where a record is
translated: names of partners, mandates, agreement topics and the sentences that set one
generated opportunity apart from the demo opportunity it is modelled on.

Agreements are archive records kept in English, so their topics are English only. A
partner's translated name follows its kind; brand names (companies, foundations) are not
translated. Country, region and thematic-area names come from django-countries and the
translated vocabularies, in the language being written.
"""

__all__ = [
    "AGREEMENT_TITLES",
    "AREA_TOPICS",
    "COMPANY_PARTS",
    "EVENTS",
    "FOUNDATION_CAUSES",
    "LANGUAGES",
    "MANDATES",
    "OPPORTUNITY_INTRODUCTIONS",
    "OPPORTUNITY_TITLES",
    "PORTFOLIOS",
    "REGIONAL_BODIES",
    "STRATEGIES",
    "SURNAMES",
    "TRANSLATED_NAMES",
]

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")

# --- Partners ----------------------------------------------------------------------------

#: Ministries' portfolios, in the six languages (a government partner's name).
PORTFOLIOS = [
    {
        "en": "Digital Economy",
        "fr": "de l'Économie numérique",
        "es": "Economía Digital",
        "ru": "цифровой экономики",
        "ar": "الاقتصاد الرقمي",
        "zh-hans": "数字经济部",
    },
    {
        "en": "Communications",
        "fr": "de la Communication",
        "es": "Comunicaciones",
        "ru": "связи",
        "ar": "الاتصالات",
        "zh-hans": "通信部",
    },
    {
        "en": "ICT and Innovation",
        "fr": "des TIC et de l'Innovation",
        "es": "TIC e Innovación",
        "ru": "ИКТ и инноваций",
        "ar": "تكنولوجيا المعلومات والاتصالات والابتكار",
        "zh-hans": "信息通信技术与创新部",
    },
    {
        "en": "Education",
        "fr": "de l'Éducation",
        "es": "Educación",
        "ru": "образования",
        "ar": "التعليم",
        "zh-hans": "教育部",
    },
    {
        "en": "Health",
        "fr": "de la Santé",
        "es": "Salud",
        "ru": "здравоохранения",
        "ar": "الصحة",
        "zh-hans": "卫生部",
    },
]

#: Translated names by partner kind: `{country}` is the headquarters country's name in the
#: language, `{portfolio}` a ministry's portfolio (government only).
TRANSLATED_NAMES = {
    "government": {
        "en": "Ministry of {portfolio} of {country}",
        "fr": "Ministère {portfolio} ({country})",
        "es": "Ministerio de {portfolio} ({country})",
        "ru": "Министерство {portfolio} ({country})",
        "ar": "وزارة {portfolio} ({country})",
        "zh-hans": "{country}{portfolio}",
    },
    "development-agency": {
        "en": "{country} Agency for International Development",
        "fr": "Agence de développement international ({country})",
        "es": "Agencia de Desarrollo Internacional ({country})",
        "ru": "Агентство международного развития ({country})",
        "ar": "وكالة التنمية الدولية ({country})",
        "zh-hans": "{country}国际开发署",
    },
    "academia": {
        "en": "National University of {country}",
        "fr": "Université nationale ({country})",
        "es": "Universidad Nacional ({country})",
        "ru": "Национальный университет ({country})",
        "ar": "الجامعة الوطنية ({country})",
        "zh-hans": "{country}国立大学",
    },
    "development-bank": {
        "en": "{country} Development Bank",
        "fr": "Banque de développement ({country})",
        "es": "Banco de Desarrollo ({country})",
        "ru": "Банк развития ({country})",
        "ar": "بنك التنمية ({country})",
        "zh-hans": "{country}开发银行",
    },
}

#: Mandates and strategies: `{areas}` and `{regions}` are vocabulary names in the language.
MANDATES = {
    "en": "Supports {areas} in {regions}, with governments, regulators and communities.",
    "fr": "Soutient les activités en {areas} dans les régions {regions}, avec les "
    "gouvernements, les régulateurs et les communautés.",
    "es": "Apoya las actividades de {areas} en las regiones {regions}, con gobiernos, "
    "reguladores y comunidades.",
    "ru": "Поддерживает работу в областях «{areas}» в регионах {regions} вместе с "
    "правительствами, регуляторными органами и сообществами.",
    "ar": "تدعم الأنشطة في مجالات {areas} في مناطق {regions}، مع الحكومات والهيئات التنظيمية "
    "والمجتمعات المحلية.",
    "zh-hans": "与各国政府、监管机构和社区合作，支持{regions}地区的{areas}工作。",
}
STRATEGIES = {
    "en": "Funds multi-year programmes and shares expertise; priorities are reviewed every "
    "{years} years.",
    "fr": "Finance des programmes pluriannuels et partage son expertise ; les priorités sont "
    "revues tous les {years} ans.",
    "es": "Financia programas plurianuales y comparte sus conocimientos; las prioridades se "
    "revisan cada {years} años.",
    "ru": "Финансирует многолетние программы и делится опытом; приоритеты пересматриваются "
    "раз в {years} года.",
    "ar": "تموّل برامج متعددة السنوات وتتقاسم خبراتها؛ وتُراجع الأولويات كل {years} سنوات.",
    "zh-hans": "资助多年期方案并分享专业知识；每{years}年审查一次优先事项。",
}

SURNAMES = [
    "Abebe", "Almeida", "Bergström", "Chen", "Dubois", "Eze", "Fernández", "Gupta", "Haddad",
    "Ivanova", "Jensen", "Kamau", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Petrov",
    "Quispe", "Rahman", "Santos", "Tanaka", "Uddin", "Valdés", "Wanjiru", "Xu", "Yilmaz",
    "Zhou", "Achterberg", "Bianchi", "Castillo", "Diallo", "Esposito", "Fischer", "García",
    "Hoffmann", "Ibrahim", "Kowalski", "Lopes", "Moreau", "Nguyen",
]  # fmt: skip
FOUNDATION_CAUSES = [
    "Digital Inclusion", "Connected Schools", "Rural Connectivity", "Girls in ICT",
    "Open Knowledge", "Health Innovation", "Climate Resilience", "Financial Inclusion",
    "Media Literacy", "Accessible Technology",
]  # fmt: skip
COMPANY_PARTS = (
    [
        "Nova", "Terra", "Sky", "Blue", "Orbit", "Quanta", "Helio", "Vertex", "Lumen", "Astra",
        "Nimbus", "Pulse", "Sigma", "Delta", "Aero", "Meridian", "Polar", "Zenith", "Cobalt",
        "Ember", "Granite", "Harbor", "Iris", "Jade", "Kite", "Lattice", "Magna", "Onyx",
    ],
    ["link", "net", "wave", "com", "tel", "cast", "byte", "path", "grid", "core", "sat", "fi"],
    ["Telecom", "Networks", "Systems", "Digital", "Mobile", "Cloud", "Solutions", "Satellite"],
)  # fmt: skip
REGIONAL_BODIES = [
    "Telecommunications Union", "Digital Alliance", "Regulators Network", "ICT Council",
    "Broadband Forum", "Cybersecurity Centre", "Spectrum Management Group",
]  # fmt: skip

# --- Agreements (English archive records) -------------------------------------------------

#: What an agreement is about, by the code of its primary thematic area.
AREA_TOPICS = {
    "capacity-building": [
        "ITU Academy training on spectrum management",
        "digital skills for public servants",
        "Centre of Excellence courses on ICT policy",
        "regional training on broadband regulation",
        "fellowships for telecommunication engineers",
    ],
    "ict-applications": [
        "mobile health services for noncommunicable diseases",
        "e-agriculture information services",
        "e-government platforms",
        "mobile learning in rural schools",
        "digital financial services",
    ],
    "generic": [
        "partnership framework",
        "general cooperation in telecommunication development",
        "support to the Bureau's operational plan",
        "joint activities and staff exchange",
    ],
    "infrastructure": [
        "rural broadband connectivity",
        "national backbone network planning",
        "transition to digital terrestrial television",
        "satellite connectivity for remote communities",
        "internet exchange points",
    ],
    "cybersecurity": [
        "national computer incident response team",
        "child online protection",
        "cybersecurity capacity assessment",
        "cyber drills and incident response",
    ],
    "enabling-environment": [
        "ICT regulatory reform",
        "spectrum policy and pricing",
        "universal service fund review",
        "consumer protection in telecommunications",
    ],
    "emergency-telecommunications": [
        "emergency telecommunications equipment for disaster response",
        "early warning systems",
        "national emergency telecommunication plans",
    ],
    "digital-inclusion": [
        "ICT accessibility for persons with disabilities",
        "girls in ICT and women's digital skills",
        "connecting indigenous communities",
        "digital inclusion of older persons",
    ],
    "innovation": [
        "ICT innovation ecosystems and start-ups",
        "innovation hubs for young entrepreneurs",
        "digital transformation centres",
    ],
    "climate-change-e-waste": [
        "e-waste management and circular economy",
        "climate change monitoring with ICT",
        "green ICT standards",
    ],
    "statistics-indicators": [
        "ICT household surveys",
        "ICT price baskets and indicators",
        "measuring the information society",
    ],
}
#: Titles by agreement-type code: `{topic}`, `{partner}`, `{place}`, `{event}`.
AGREEMENT_TITLES = {
    "mou": "Memorandum of understanding with {partner} on {topic}",
    "cooperation-agreement": "Cooperation agreement on {topic} in {place}",
    "voluntary-contribution": "Voluntary contribution of {partner} to {topic} in {place}",
    "sponsorship-agreement": "Sponsorship of {event} by {partner}",
    "letter-of-intent": "Letter of intent with {partner} on {topic}",
    "project-document": "Project document: {topic} in {place}",
    "framework-agreement": "Framework agreement with {partner} on {topic}",
}
EVENTS = [
    "the Global Symposium for Regulators",
    "the World Telecommunication Development Conference",
    "the Regional Development Forum",
    "the Global Youth Summit",
    "the Connect Africa Summit",
    "the Regional Preparatory Meeting",
    "the ITU Digital World",
]

# --- Opportunities ------------------------------------------------------------------------

#: A generated opportunity's title: the title of the demo opportunity it is modelled on and
#: its country, in the language.
OPPORTUNITY_TITLES = {
    "en": "{title} — {country}",
    "fr": "{title} — {country}",
    "es": "{title} — {country}",
    "ru": "{title} — {country}",
    "ar": "{title} — {country}",
    "zh-hans": "{title}（{country}）",
}
#: The sentence added to the demo opportunity's introduction.
OPPORTUNITY_INTRODUCTIONS = {
    "en": "This phase concentrates on {country}, with work in {area}, and is expected to "
    "start in {year}.",
    "fr": "Cette phase se concentre sur le pays suivant : {country}, avec des activités en "
    "{area}, et devrait commencer en {year}.",
    "es": "Esta fase se centra en el país siguiente: {country}, con actividades de {area}, y "
    "debería comenzar en {year}.",
    "ru": "Этот этап посвящён стране {country}: работа в области «{area}» должна начаться "
    "в {year} году.",
    "ar": "تركز هذه المرحلة على {country}، مع أنشطة في مجال {area}، ومن المتوقع أن تبدأ في "
    "عام {year}.",
    "zh-hans": "本阶段重点关注{country}，在{area}领域开展工作，预计于{year}年启动。",
}
