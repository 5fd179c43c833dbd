"""What the benchmark asks: site-search queries in the six languages, as visitors type them
(single words, phrases, inflected forms, missing accents, partner names and acronyms, a few
that find nothing and a few with operators), and partner-finder criteria (areas, regions,
countries, funding types, partner kinds, free text, and opportunity pages).
"""

__all__ = ["FINDER_CRITERIA", "FINDER_OPPORTUNITIES", "SEARCH_QUERIES"]

SEARCH_QUERIES = {
    "en": [
        "mobile health", "e-waste", "cybersecurity", "broadband", "capacity building",
        "Africa", "digital skills", "emergency telecommunications", "partnership",
        "agriculture", "financial inclusion", "statistics", "National University", "Ministry",
        "Senegal", "WHO", "GSMA", "Gates Foundation", "noncommunicable diseases",
        "centres of excellence", "child online protection", "rural connectivity",
        "early warning", "women", "regulators", "innovation hubs", "Kenya", "climate change",
        "zzzz unknown words", "-data \"quoted phrase\" a-b.2",
    ],
    "fr": [
        "santé mobile", "déchets électroniques", "cybersécurité", "haut débit",
        "renforcement des capacités", "Afrique", "compétences numériques",
        "télécommunications d'urgence", "partenariats", "agriculture", "inclusion financière",
        "statistiques", "Université nationale", "Ministère", "Sénégal", "OMS", "GSMA",
        "maladies non transmissibles", "centres d'excellence", "protection en ligne",
        "connectivité", "alerte précoce", "femmes", "régulateurs", "innovation", "Kenya",
        "changements climatiques", "securite", "zzzz mots inconnus", "l'UIT -données",
    ],
    "es": [
        "salud móvil", "residuos electrónicos", "ciberseguridad", "banda ancha",
        "creación de capacidad", "África", "competencias digitales",
        "telecomunicaciones de emergencia", "asociaciones", "agricultura",
        "inclusión financiera", "estadísticas", "Universidad Nacional", "Ministerio", "Senegal",
        "OMS", "GSMA", "enfermedades no transmisibles", "centros de excelencia",
        "protección en línea", "conectividad", "alerta temprana", "mujeres", "reguladores",
        "innovacion", "Kenia", "cambio climático", "telecomunicacion", "zzzz palabras",
        "\"banda\" -ancha",
    ],
    "ru": [
        "мобильное здравоохранение", "электронные отходы", "кибербезопасность",
        "широкополосный", "создание потенциала", "Африка", "цифровые навыки",
        "электросвязь в чрезвычайных ситуациях", "партнерство", "сельское хозяйство",
        "финансовая доступность", "статистика", "Национальный университет", "Министерство",
        "Сенегал", "ВОЗ", "GSMA", "неинфекционные заболевания",
        "центры профессионального мастерства",
        "защита детей в онлайновой среде", "подключение", "раннее предупреждение", "женщин",
        "регуляторные органы", "инновации", "Кения", "изменение климата", "ёлка",
        "неизвестные слова", "связи -данные",
    ],
    "ar": [
        "الصحة المتنقلة", "النفايات الإلكترونية", "الأمن السيبراني", "النطاق العريض",
        "بناء القدرات", "أفريقيا", "المهارات الرقمية", "الاتصالات في حالات الطوارئ",
        "الشراكات", "الزراعة", "الشمول المالي", "الإحصاءات", "الجامعة الوطنية", "وزارة",
        "السنغال", "منظمة الصحة العالمية", "GSMA", "الأمراض غير المعدية", "مراكز التميز",
        "حماية الأطفال على الإنترنت", "التوصيل", "الإنذار المبكر", "المرأة", "الهيئات التنظيمية",
        "الابتكار", "كينيا", "تغير المناخ", "صحة", "كلمات مجهولة", "الاتصالات -بيانات",
    ],
    "zh-hans": [
        "移动医疗", "电子废物", "网络安全", "宽带", "能力建设", "非洲", "数字技能", "应急通信",
        "合作伙伴", "农业", "普惠金融", "统计", "国立大学", "部", "塞内加尔", "世界卫生组织",
        "GSMA", "非传染性疾病", "卓越中心", "儿童在线保护", "连通", "预警", "妇女", "监管机构",
        "创新", "肯尼亚", "气候变化", "合作", "未知词语", "信息通信技术 -数据",
    ],
}  # fmt: skip

#: Criteria as `find_partners` takes them (codes; countries as ISO codes).
FINDER_CRITERIA = [
    {"area": ["cybersecurity"], "region": ["afr"]},
    {"area": ["capacity-building"]},
    {"area": ["infrastructure"], "region": ["asp"], "country": ["IN"]},
    {"area": ["ict-applications"], "text": "mobile health"},
    {"area": ["climate-change-e-waste"], "region": ["ams"]},
    {"region": ["arb"]},
    {"country": ["KE"]},
    {"country": ["BR", "AR", "CL"]},
    {"text": "e-waste"},
    {"text": "Gates Foundation"},
    {"funding_type": ["grant"]},
    {"area": ["digital-inclusion"], "funding_type": ["grant", "in-kind"]},
    {"area": ["emergency-telecommunications"], "region": ["asp", "ams"]},
    {"area": ["enabling-environment"], "region": ["eur"], "kind": ["government"]},
    {"area": ["innovation"], "kind": ["company", "foundation"]},
    {"area": ["statistics-indicators"], "region": ["glo"]},
    {"area": ["generic"], "region": ["cis"], "country": ["UA"]},
    {"area": ["capacity-building", "ict-applications", "infrastructure"], "region": ["afr"]},
    {"area": ["cybersecurity"], "text": "child online protection"},
    {"region": ["afr", "arb", "asp", "ams"], "kind": ["development-agency"]},
    {"area": ["infrastructure"], "text": "satellite connectivity remote communities"},
    {"country": ["SN", "BF", "ML"], "area": ["ict-applications"]},
    {"area": ["digital-inclusion"], "country": ["JP"], "text": "older persons"},
    {"funding_type": ["sponsorship"], "kind": ["company"]},
    {"text": "Ministry of Health"},
    {"area": ["capacity-building"], "region": ["glo"], "funding_type": ["expertise"]},
    {"area": ["cybersecurity", "enabling-environment"], "region": ["eur", "cis"], "text": "CIRT"},
]  # fmt: skip

#: Opportunity pages (English slugs of the demo, and generated ones found at run time) whose
#: terms make the criteria, as "Suggest partners" does.
FINDER_OPPORTUNITIES = [
    "mobile-health-noncommunicable-diseases",
    "e-waste-policies-latin-america",
    "cybersecurity-incident-response-arab-states",
    "financial-inclusion-global-initiative",
]
