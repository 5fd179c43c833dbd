"""The text of the demo's sponsorship pages in the six languages (used by
cms/demo/sponsorship.py), as a translator would deliver it: each English string with its
translation into French, Spanish, Russian, Arabic and Chinese."""

LANGUAGES = ["fr", "es", "ru", "ar", "zh-hans"]

# English -> (fr, es, ru, ar, zh-hans)
STRINGS = {
    # The index.
    "Sponsorship": ("Parrainage", "Patrocinio", "Спонсорство", "الرعاية", "赞助"),
    "Raise your visibility, promote your brand and show your products at the Bureau's "
    "events; ITU members get a discount.": (
        "Gagnez en visibilité, faites connaître votre marque et présentez vos produits lors "
        "des manifestations du Bureau ; les membres de l'UIT bénéficient d'une remise.",
        "Gane visibilidad, promueva su marca y presente sus productos en los eventos de la "
        "Oficina; los miembros de la UIT obtienen un descuento.",
        "Повышайте свою известность, продвигайте свой бренд и представляйте свою продукцию "
        "на мероприятиях Бюро; члены МСЭ получают скидку.",
        "عزّز حضورك وروّج لعلامتك التجارية واعرض منتجاتك في فعاليات المكتب؛ ويحصل أعضاء "
        "الاتحاد على خصم.",
        "在电信发展局的活动中提升知名度、推广品牌并展示产品；国际电联成员可享受折扣。",
    ),
    # Events: titles, venues.
    "Global Symposium for Regulators 2017 (GSR-17), Nassau": (
        "Colloque mondial des régulateurs 2017 (GSR-17), Nassau",
        "Simposio Mundial para Organismos Reguladores 2017 (GSR-17), Nassau",
        "Глобальный симпозиум для регуляторных органов 2017 (ГСР-17), Нассау",
        "الندوة العالمية لمنظمي الاتصالات 2017 (GSR-17)، ناساو",
        "2017年全球监管机构专题研讨会（GSR-17），拿骚",
    ),
    "World Telecommunication Development Conference 2017 (WTDC-17), Buenos Aires": (
        "Conférence mondiale de développement des télécommunications 2017 (CMDT-17), Buenos Aires",
        "Conferencia Mundial de Desarrollo de las Telecomunicaciones 2017 (CMDT-17), Buenos Aires",
        "Всемирная конференция по развитию электросвязи 2017 года (ВКРЭ-17), Буэнос-Айрес",
        "المؤتمر العالمي لتنمية الاتصالات لعام 2017، بوينس آيرس",
        "2017年世界电信发展大会，布宜诺斯艾利斯",
    ),
    "25th anniversary of ITU-D, Buenos Aires": (
        "25e anniversaire de l'UIT-D, Buenos Aires",
        "25º aniversario del UIT-D, Buenos Aires",
        "25-летие МСЭ-D, Буэнос-Айрес",
        "الذكرى السنوية الخامسة والعشرون لقطاع تنمية الاتصالات، بوينس آيرس",
        "国际电联电信发展部门成立25周年，布宜诺斯艾利斯",
    ),
    "Global Symposium for Regulators 2027 (GSR-27), demo event": (
        "Colloque mondial des régulateurs 2027 (GSR-27), événement de démonstration",
        "Simposio Mundial para Organismos Reguladores 2027 (GSR-27), evento de demostración",
        "Глобальный симпозиум для регуляторных органов 2027 (ГСР-27), демонстрационное мероприятие",
        "الندوة العالمية لمنظمي الاتصالات 2027 (GSR-27)، حدث تجريبي",
        "2027年全球监管机构专题研讨会（GSR-27），演示活动",
    ),
    "Nassau, Bahamas": (
        "Nassau (Bahamas)",
        "Nassau (Bahamas)",
        "Нассау, Багамские Острова",
        "ناساو، جزر البهاما",
        "巴哈马拿骚",
    ),
    "Buenos Aires, Argentina": (
        "Buenos Aires (Argentine)",
        "Buenos Aires (Argentina)",
        "Буэнос-Айрес, Аргентина",
        "بوينس آيرس، الأرجنتين",
        "阿根廷布宜诺斯艾利斯",
    ),
    "Geneva, Switzerland": (
        "Genève (Suisse)",
        "Ginebra (Suiza)",
        "Женева, Швейцария",
        "جنيف، سويسرا",
        "瑞士日内瓦",
    ),
    "Regulators, policy makers and industry leaders from around the world.": (
        "Régulateurs, décideurs et dirigeants du secteur du monde entier.",
        "Reguladores, responsables de políticas y líderes del sector de todo el mundo.",
        "Регуляторные органы, директивные органы и руководители отрасли со всего мира.",
        "المنظمون وواضعو السياسات وقادة الصناعة من جميع أنحاء العالم.",
        "来自世界各地的监管机构、政策制定者和业界领袖。",
    ),
    # Packages.
    "Welcome reception": (
        "Réception de bienvenue",
        "Recepción de bienvenida",
        "Приветственный прием",
        "حفل الاستقبال الترحيبي",
        "欢迎招待会",
    ),
    "Side event on affordable access": (
        "Manifestation parallèle sur l'accès abordable",
        "Evento paralelo sobre el acceso asequible",
        "Параллельное мероприятие по приемлемому в ценовом отношении доступу",
        "حدث جانبي بشأن النفاذ الميسور التكلفة",
        "关于可负担接入的会外活动",
    ),
    "Side event on connectivity": (
        "Manifestation parallèle sur la connectivité",
        "Evento paralelo sobre la conectividad",
        "Параллельное мероприятие по установлению соединений",
        "حدث جانبي بشأن التوصيلية",
        "关于连通性的会外活动",
    ),
    "Networking lunch": (
        "Déjeuner de réseautage",
        "Almuerzo de contactos",
        "Обед для налаживания контактов",
        "غداء للتواصل",
        "交流午餐会",
    ),
    "Coffee break": ("Pause-café", "Pausa para el café", "Кофе-брейк", "استراحة القهوة", "茶歇"),
    "Side event on emergency telecommunications": (
        "Manifestation parallèle sur les télécommunications d'urgence",
        "Evento paralelo sobre las telecomunicaciones de emergencia",
        "Параллельное мероприятие по электросвязи в чрезвычайных ситуациях",
        "حدث جانبي بشأن اتصالات الطوارئ",
        "关于应急通信的会外活动",
    ),
    "Side event on rural connectivity": (
        "Manifestation parallèle sur la connectivité rurale",
        "Evento paralelo sobre la conectividad rural",
        "Параллельное мероприятие по установлению соединений в сельских районах",
        "حدث جانبي بشأن التوصيلية الريفية",
        "关于农村连通性的会外活动",
    ),
    "Side event on digital skills": (
        "Manifestation parallèle sur les compétences numériques",
        "Evento paralelo sobre las competencias digitales",
        "Параллельное мероприятие по цифровым навыкам",
        "حدث جانبي بشأن المهارات الرقمية",
        "关于数字技能的会外活动",
    ),
    "Networking reception": (
        "Réception de réseautage",
        "Recepción de contactos",
        "Прием для налаживания контактов",
        "حفل استقبال للتواصل",
        "交流招待会",
    ),
    "Arab States regional reception": (
        "Réception régionale des États arabes",
        "Recepción regional de los Estados Árabes",
        "Региональный прием арабских государств",
        "حفل الاستقبال الإقليمي للدول العربية",
        "阿拉伯国家区域招待会",
    ),
    "Side event on child online protection": (
        "Manifestation parallèle sur la protection en ligne des enfants",
        "Evento paralelo sobre la protección de la infancia en línea",
        "Параллельное мероприятие по защите ребенка в онлайновой среде",
        "حدث جانبي بشأن حماية الأطفال على الإنترنت",
        "关于儿童在线保护的会外活动",
    ),
    "25th anniversary exhibition": (
        "Exposition du 25e anniversaire",
        "Exposición del 25º aniversario",
        "Выставка, посвященная 25-летию",
        "معرض الذكرى الخامسة والعشرين",
        "25周年展览",
    ),
    "25th anniversary gala dinner": (
        "Dîner de gala du 25e anniversaire",
        "Cena de gala del 25º aniversario",
        "Торжественный ужин по случаю 25-летия",
        "عشاء احتفالي بالذكرى الخامسة والعشرين",
        "25周年庆祝晚宴",
    ),
    "Side event": (
        "Manifestation parallèle",
        "Evento paralelo",
        "Параллельное мероприятие",
        "حدث جانبي",
        "会外活动",
    ),
    # Benefits and options.
    "Logo on screens and in the programme": (
        "Logo sur les écrans et dans le programme",
        "Logotipo en las pantallas y en el programa",
        "Логотип на экранах и в программе",
        "الشعار على الشاشات وفي البرنامج",
        "在屏幕和议程上展示标识",
    ),
    "Naming of the activity": (
        "Activité portant votre nom",
        "Actividad con su nombre",
        "Мероприятие под вашим именем",
        "تسمية النشاط باسمكم",
        "以贵方名义命名活动",
    ),
    "Speaking slot": (
        "Temps de parole",
        "Turno de palabra",
        "Выступление",
        "فرصة لإلقاء كلمة",
        "发言机会",
    ),
    "Exhibition booth": (
        "Stand d'exposition",
        "Puesto de exposición",
        "Выставочный стенд",
        "جناح عرض",
        "展位",
    ),
    "Logo on lanyards": (
        "Logo sur les cordons de badge",
        "Logotipo en las cintas de las acreditaciones",
        "Логотип на шнурках для бейджей",
        "الشعار على أشرطة الشارات",
        "在证件挂绳上展示标识",
    ),
}


def translated(text, language_code):
    """`text` in `language_code` (English is returned as it is)."""
    if language_code == "en":
        return text
    return STRINGS[text][LANGUAGES.index(language_code)]
