"""The demo's search synonyms: the acronyms of the Bureau's vocabulary with their names in each
language, and the words a visitor may type for the same thing (``بنك`` and ``مصرف`` for a bank
in Arabic; ``cybersecurity`` and ``cyber security``).

Editors keep them in the admin (search.models.SearchSynonym); the demo writes a group only when
no group of its language holds its first term yet, so running the demo again neither repeats
them nor undoes an editor's change.
"""

from search.analysis import tokenize
from search.models import SearchSynonym

__all__ = ["SYNONYMS", "load_synonyms"]

#: {language: [group, ...]}, each group the terms as an editor would write them.
SYNONYMS = {
    "en": [
        "FIGI, Financial Inclusion Global Initiative",
        "CoE, Centres of Excellence, Centers of Excellence",
        "WTDC, World Telecommunication Development Conference",
        "GSR, Global Symposium for Regulators",
        "ICT, ICTs, information and communication technology, "
        "information and communication technologies",
        "cybersecurity, cyber security",
        "ewaste, e-waste, electronic waste",
        "ITU, International Telecommunication Union",
        "SDG, SDGs, Sustainable Development Goals",
        "NGO, non-governmental organization",
    ],
    "fr": [
        "FIGI, Initiative mondiale en faveur de l'inclusion financière",
        "CoE, centres d'excellence",
        "CMDT, WTDC, Conférence mondiale de développement des télécommunications",
        "GSR, Colloque mondial des régulateurs",
        "TIC, ICT, technologies de l'information et de la communication",
        "cybersécurité, cyber sécurité",
        "déchets électroniques, e-déchets",
        "UIT, ITU, Union internationale des télécommunications",
        "ODD, Objectifs de développement durable",
        "ONG, organisation non gouvernementale",
    ],
    "es": [
        "FIGI, Iniciativa Mundial de Inclusión Financiera",
        "CoE, centros de excelencia",
        "CMDT, WTDC, Conferencia Mundial de Desarrollo de las Telecomunicaciones",
        "GSR, Simposio Mundial para Organismos Reguladores",
        "TIC, ICT, tecnologías de la información y la comunicación",
        "ciberseguridad, ciber seguridad",
        "residuos electrónicos, desechos electrónicos, basura electrónica",
        "UIT, ITU, Unión Internacional de Telecomunicaciones",
        "ODS, Objetivos de Desarrollo Sostenible",
        "ONG, organización no gubernamental",
    ],
    "ru": [
        "FIGI, Глобальная инициатива по охвату финансовыми услугами",
        "CoE, центры профессионального мастерства",
        "ВКРЭ, WTDC, Всемирная конференция по развитию электросвязи",
        "ГСР, GSR, Глобальный симпозиум для регуляторных органов",
        "ИКТ, ICT, информационно-коммуникационные технологии",
        "кибербезопасность, кибер безопасность",
        "электронные отходы, э-отходы",
        "МСЭ, ITU, Международный союз электросвязи",
        "ЦУР, Цели в области устойчивого развития",
    ],
    "ar": [
        "بنك, مصرف",
        "FIGI, المبادرة العالمية للشمول المالي",
        "CoE, مراكز التميز",
        "WTDC, المؤتمر العالمي لتنمية الاتصالات",
        "GSR, الندوة العالمية لمنظمي الاتصالات",
        "ICT, تكنولوجيا المعلومات والاتصالات",
        "الأمن السيبراني, cybersecurity",
        "النفايات الإلكترونية, المخلفات الإلكترونية",
        "ITU, الاتحاد الدولي للاتصالات",
        "SDG, أهداف التنمية المستدامة",
    ],
    "zh-hans": [
        "FIGI, 金融普惠全球举措",
        "CoE, 卓越中心",
        "WTDC, 世界电信发展大会",
        "GSR, 全球监管机构研讨会",
        "ICT, 信息通信技术, 信通技术",
        "网络安全, cybersecurity",
        "电子废物, 电子垃圾",
        "ITU, 国际电联, 国际电信联盟",
        "SDG, 可持续发展目标",
    ],
}


def _first_term(terms, language):
    return tuple(tokenize(SearchSynonym(language=language, terms=terms).term_list()[0], language))


def load_synonyms():
    """Write the groups of SYNONYMS that are not there yet; returns how many were written."""
    written = 0
    for language, groups in SYNONYMS.items():
        existing = {
            tuple(tokenize(term, language))
            for row in SearchSynonym.objects.filter(language=language)
            for term in row.term_list()
        }
        for terms in groups:
            if _first_term(terms, language) in existing:
                continue
            synonym = SearchSynonym(language=language, terms=terms)
            synonym.full_clean()
            synonym.save()
            written += 1
    return written
