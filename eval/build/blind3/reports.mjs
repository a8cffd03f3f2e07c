// Blind set 3: reports written in Spanish, French and Portuguese, made before the parser
// was run on them. Cells, totals, years and headers are written exactly as printed;
// `columns` are the question labels as printed (P1 … or Q1 …). Each report says which
// words its author used for the answers (`answerWords`, hand-written here from the
// document, not taken from the parser's profiles). Item runs: a string is plain,
// { b } bold, { i } italic.

const labels = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export const REPORTS = [
  {
    name: 'blind3-es-paraguay-2024',
    language: 'es',
    title: 'Paraguay',
    country: { name: 'Paraguay', iso2: 'PY', iso3: 'PRY' },
    author: 'Sofía Benítez Ortiz', authorLine: 'Autora: Sofía Benítez Ortiz',
    date: '2024-02-19', dateText: '19 de febrero de 2024', dateLine: 'Fecha: 19 de febrero de 2024',
    answerWords: { 'sí': 'Y', 'parcial': 'P', 'no': 'N' },
    tables: [{
      section: 'Cambios en las métricas clave', subject: 'Paraguay', columns: labels('P', 12), yearHeader: 'Año',
      rows: [
        { year: '2022', cells: ['Sí', 'No', 'No', 'Parcial', 'No', 'Sí', 'No', 'No', 'Parcial', 'No', 'Sí', 'No'], total: '4' },
        { year: '2023', cells: ['Sí', 'Parcial', 'No', 'Parcial', 'No', 'Sí', 'No', 'Parcial', 'Parcial', 'No', 'Sí', 'No'], total: '5' },
      ],
      commentary: [
        'El Ministerio de Tecnologías de la Información y Comunicación abrió una consulta pública sobre un marco ético para la inteligencia artificial, lo que explica los avances en P2 y P8.',
        'No hubo progreso en la protección de datos personales: el proyecto de ley sigue en comisión en el Senado.',
      ],
    }],
    lists: [
      { section: 'Desarrollos más importantes', subject: 'País', items: [
        ['El Ministerio de Tecnologías de la Información y Comunicación (MITIC) presentó un borrador de ', { b: 'Estrategia Nacional de Inteligencia Artificial' }, ' y abrió un periodo de consulta de sesenta días.'],
        ['La Cámara de Diputados aprobó en general un proyecto de ley de protección de datos personales que crea una autoridad de control independiente.'],
        ['El Poder Judicial anunció el uso de herramientas de inteligencia artificial para clasificar expedientes en los juzgados de paz de Asunción, con supervisión de un funcionario en cada caso.'],
      ] },
      { section: 'Desarrollos más importantes', subject: 'Internacional', items: [
        ['Paraguay adhirió a la ', { i: 'Declaración de Santiago' }, ' para promover una inteligencia artificial ética en América Latina y el Caribe.'],
        ['El país participó en la consulta regional de la UNESCO sobre la evaluación del estado de preparación para la inteligencia artificial.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind3-es-ecuador-2023',
    language: 'es',
    title: 'Informe de país: Ecuador',
    country: { name: 'Ecuador', iso2: 'EC', iso3: 'ECU' },
    author: 'Andrés Villacís', authorLine: 'Elaborado por: Andrés Villacís',
    date: '2023-03-07', dateText: '7 de marzo de 2023', dateLine: 'Quito, 7 de marzo de 2023',
    answerWords: { 's': 'Y', 'p': 'P', 'n': 'N' },
    tables: [{
      section: 'Cambios en las métricas clave', subject: 'Ecuador', columns: labels('P', 10), yearHeader: 'Año', totalHeader: 'Puntuación',
      rows: [
        { year: '2021', cells: ['S', 'N', 'P', 'N', 'S', 'N', 'N', 'P', 'N', 'N'], total: '3' },
        { year: '2022', cells: ['S', 'P', 'P', 'N', 'S', 'N', 'N', 'P', 'N', 'N'], total: '4' },
      ],
      commentary: [
        'La aprobación de la Ley Orgánica de Protección de Datos Personales en 2021 empezó a aplicarse en 2022 con la designación del superintendente.',
        'En 2022 la puntuación impresa no coincide con la suma de las respuestas: el informe original contaba P2 como respuesta afirmativa.',
      ],
    }],
    lists: [
      { section: 'Desarrollos más importantes', subject: 'Nacional', items: [
        ['La Asamblea Nacional designó al primer Superintendente de Protección de Datos Personales, encargado de supervisar el tratamiento automatizado de datos.'],
        ['El Ministerio de Telecomunicaciones publicó la ', { b: 'Política para la Transformación Digital' }, ', que menciona la inteligencia artificial como prioridad para los servicios públicos.'],
        ['Organizaciones de la sociedad civil pidieron una moratoria sobre el reconocimiento facial en los sistemas de videovigilancia de Guayaquil.'],
        ['El Consejo de la Judicatura inició un piloto de transcripción automática de audiencias en tres provincias.'],
      ] },
      { section: 'Desarrollos más importantes', subject: 'Internacional', items: [
        ['Ecuador apoyó en la Asamblea General de las Naciones Unidas la resolución sobre los derechos humanos en la era digital.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind3-fr-senegal-2024',
    language: 'fr',
    title: 'Sénégal',
    country: { name: 'Senegal', iso2: 'SN', iso3: 'SEN' },
    author: 'Aïssatou Ndiaye', authorLine: 'Auteure : Aïssatou Ndiaye',
    date: '2024-02-01', dateText: '1er février 2024', dateLine: 'Date : 1er février 2024',
    answerWords: { 'oui': 'Y', 'partiel': 'P', 'partiellement': 'P', 'non': 'N' },
    tables: [{
      section: 'Évolution des indicateurs clés', subject: 'Sénégal', columns: labels('Q', 12), yearHeader: 'Année',
      rows: [
        { year: '2022', cells: ['Oui', 'Non', 'Partiel', 'Non', 'Non', 'Oui', 'Non', 'Partiel', 'Non', 'Non', 'Oui', 'Non'], total: '4' },
        { year: '2023', cells: ['Oui', 'Partiel', 'Partiel', 'Non', 'Non', 'Oui', 'Non', 'Partiel', 'Partiellement', 'Non', 'Oui', '—'], total: '5' },
      ],
      commentary: [
        'La stratégie nationale et la feuille de route sur l’intelligence artificielle ont été adoptées en 2023, ce qui explique la progression pour Q2 et Q9.',
        'La réponse à Q12 pour 2023 n’a pas été renseignée : la Commission de protection des données personnelles n’avait pas publié son rapport annuel.',
      ],
    }],
    lists: [
      { section: 'Développements les plus importants', subject: 'Pays', items: [
        ['Le gouvernement a adopté la ', { b: 'Stratégie nationale et feuille de route sur l’intelligence artificielle' }, ', qui prévoit un cadre éthique, la formation de talents et des projets pilotes dans l’agriculture et la santé.'],
        ['La Commission de protection des données personnelles (CDP) a publié des recommandations sur la vidéosurveillance et la reconnaissance faciale dans les lieux publics.'],
        ['Le ministère de la Communication, des Télécommunications et de l’Économie numérique a lancé une consultation sur un projet de loi relatif aux données.'],
      ] },
      { section: 'Développements les plus importants', subject: 'International', items: [
        ['Le Sénégal a participé aux travaux de l’Union africaine sur la ', { i: 'Stratégie continentale pour l’intelligence artificielle' }, ', adoptée par le Conseil exécutif.'],
        ['Dakar a accueilli un atelier régional de l’UNESCO sur la mise en œuvre de la Recommandation sur l’éthique de l’intelligence artificielle.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind3-fr-belgique-2023',
    language: 'fr',
    title: 'Belgique',
    country: { name: 'Belgium', iso2: 'BE', iso3: 'BEL' },
    author: 'Hélène Dubois', authorLine: 'Rédigé par Hélène Dubois',
    date: '2023-03-14', dateText: '14 mars 2023', dateLine: 'Bruxelles, le 14 mars 2023',
    answerWords: { '✓': 'Y', '½': 'P', '✗': 'N' },
    tables: [{
      section: 'Évolution des indicateurs clés', subject: 'Belgique', columns: labels('Q', 12), yearHeader: 'Année', totalHeader: 'Total',
      rows: [
        { year: '2021', cells: ['✓', '✓', '½', '✗', '✓', '½', '✗', '✓', '½', '✗', '✓', '✗'], total: '6,5' },
        { year: '2022', cells: ['✓', '✓', '½', '½', '✓', '½', '✗', '✓', '½', '✗', '✓', '✗'], total: '7' },
      ],
      commentary: [
        'Le plan national de convergence pour le développement de l’intelligence artificielle a été mis à jour, et l’autorité de protection des données a renforcé ses contrôles.',
      ],
    }],
    lists: [
      { section: 'Développements les plus importants', subject: 'National', items: [
        ['Le Service public fédéral Stratégie et Appui a publié un guide sur l’usage des algorithmes par les administrations fédérales.'],
        ['L’Autorité de protection des données a sanctionné une commune pour l’usage de caméras intelligentes sans analyse d’impact préalable.'],
        ['La Région wallonne a lancé le programme ', { b: 'DigitalWallonia4.ai' }, ' pour la seconde fois, avec un volet consacré aux PME.'],
      ] },
      { section: 'Développements les plus importants', subject: 'International', items: [
        ['La Belgique a préparé sa présidence du Conseil de l’Union européenne, prévue en 2024, en annonçant la priorité donnée au règlement sur l’intelligence artificielle.'],
        ['Le pays a signé la déclaration du sommet pour une utilisation responsable de l’IA dans le domaine militaire (REAIM) à La Haye.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind3-pt-mocambique-2024',
    language: 'pt',
    title: 'Moçambique',
    country: { name: 'Mozambique', iso2: 'MZ', iso3: 'MOZ' },
    author: 'Carlos Mondlane', authorLine: 'Autor: Carlos Mondlane',
    date: '2024-01-23', dateText: '23 de janeiro de 2024', dateLine: 'Maputo, 23 de janeiro de 2024',
    answerWords: { 'sim': 'Y', 'parcial': 'P', 'não': 'N' },
    tables: [{
      section: 'Mudanças nas métricas-chave', subject: 'Moçambique', columns: labels('P', 12), yearHeader: 'Ano',
      rows: [
        { year: '2022', cells: ['Sim', 'Não', 'Não', 'Não', 'Não', 'Sim', 'Não', 'Parcial', 'Não', 'Não', 'Sim', 'Não'], total: '3,5' },
        { year: '2023', cells: ['Sim', 'Parcial', 'Não', 'Não', 'Não', 'Sim', 'Não', 'Parcial', 'Parcial', 'Não', 'Sim', 'Não'], total: '4,5' },
      ],
      commentary: [
        'O Instituto Nacional de Tecnologias de Informação e Comunicação iniciou a preparação de uma estratégia de inteligência artificial, o que explica a mudança em P2.',
        'A proteção de dados pessoais continua sem lei própria, apesar da consulta pública realizada em 2023.',
      ],
    }],
    lists: [
      { section: 'Desenvolvimentos mais importantes', subject: 'País', items: [
        ['O Governo aprovou a ', { b: 'Política para a Sociedade da Informação' }, ' revista, que inclui pela primeira vez uma referência à inteligência artificial.'],
        ['O Instituto Nacional de Tecnologias de Informação e Comunicação (INTIC) realizou uma consulta pública sobre a proposta de lei de proteção de dados pessoais.'],
        ['Universidades de Maputo e da Beira criaram cursos de curta duração em ciência de dados com apoio de parceiros internacionais.'],
      ] },
      { section: 'Desenvolvimentos mais importantes', subject: 'Internacional', items: [
        ['Moçambique participou na reunião da Comunidade de Desenvolvimento da África Austral (SADC) sobre a harmonização das leis de cibersegurança.'],
        ['O país aderiu à avaliação de prontidão para a inteligência artificial proposta pela UNESCO.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind3-pt-angola-2023',
    language: 'pt',
    title: 'Angola',
    country: { name: 'Angola', iso2: 'AO', iso3: 'AGO' },
    author: 'Joana Lopes da Costa', authorLine: 'Elaborado por: Joana Lopes da Costa',
    date: '2023-03-28', dateText: '28/03/2023', dateLine: 'Data: 28/03/2023',
    answerWords: { 's': 'Y', 'p': 'P', 'n': 'N' },
    tables: [{
      section: 'Mudanças nas métricas-chave', subject: 'Angola', columns: labels('P', 12), yearHeader: 'Ano', totalHeader: 'Pontuação',
      rows: [
        { year: '2021', cells: ['N', 'N', 'P', 'N', 'N', 'S', 'N', 'N', 'P', 'N', 'S', 'N'], total: '3' },
        { year: '2022', cells: ['S', 'N', 'P', 'N', 'N', 'S', 'N', 'P', 'P', 'N', 'S', 'N'], total: '4,5' },
      ],
      commentary: [
        'A criação da Agência de Proteção de Dados em 2022 explica as mudanças em P1 e P8.',
      ],
    }],
    lists: [
      { section: 'Desenvolvimentos mais importantes', subject: 'Nacional', items: [
        { n: 1, runs: ['A Agência de Proteção de Dados (APD) iniciou funções e publicou as primeiras ', { i: 'orientações sobre videovigilância' }, ' para entidades públicas e privadas.'] },
        { n: 2, runs: ['O Ministério das Telecomunicações, Tecnologias de Informação e Comunicação Social anunciou um plano de digitalização dos serviços públicos até 2027.'] },
        { n: 4, runs: ['O Banco Nacional de Angola lançou um ambiente de testes regulatório para serviços financeiros que usam algoritmos de avaliação de crédito.'] },
      ] },
      { section: 'Desenvolvimentos mais importantes', subject: 'Internacional', items: [
        ['Angola assinou um memorando de entendimento com a União Internacional de Telecomunicações para a formação de quadros em tecnologias emergentes.'],
      ] },
    ],
    anomalies: [{ code: 'NUMBERING_GAP', path: '/developmentLists/0/items/2/number', expected: 3, found: 4 }],
  },
];

// Round 2, made after round 1 was scored and its two fixes were in, and scored before
// anything else was changed.
export const ROUND_2 = [
  {
    name: 'blind3-es-guatemala-2024',
    language: 'es',
    title: 'Guatemala',
    country: { name: 'Guatemala', iso2: 'GT', iso3: 'GTM' },
    author: 'Ana Lucía Morales', authorLine: 'Ana Lucía Morales',
    date: '2024-01-10', dateText: 'miércoles, 10 de enero de 2024', dateLine: 'miércoles, 10 de enero de 2024',
    answerWords: { 'sí': 'Y', 'parcialmente': 'P', 'no': 'N' },
    tables: [{
      section: 'Cambios en las métricas clave', subject: 'Guatemala', columns: labels('Pregunta ', 8), yearHeader: 'Año',
      rows: [
        { year: '2022', cells: ['Sí', 'No', 'Parcialmente', 'No', 'Sí', 'No', 'No', 'Parcialmente'], total: '3' },
        { year: '2023', cells: ['Sí', 'Parcialmente', 'Parcialmente', 'No', 'Sí*', 'No', 'Parcialmente', 'Parcialmente'], total: '4' },
      ],
      commentary: [
        'La Secretaría Nacional de Ciencia y Tecnología publicó lineamientos para el uso de algoritmos en el sector público.',
        '* La respuesta a la pregunta 5 se basa en información oficial que no pudo verificarse de forma independiente.',
      ],
    }],
    lists: [
      { section: 'Acontecimientos más importantes', subject: 'Nacional', items: [
        ['El Congreso de la República recibió una iniciativa de ley sobre ', { b: 'protección de datos personales' }, ' que incluye reglas sobre decisiones automatizadas.'],
        ['La Superintendencia de Administración Tributaria empezó a usar modelos de aprendizaje automático para detectar facturas falsas.'],
        ['Universidades públicas y privadas firmaron un acuerdo para formar docentes en ética de la inteligencia artificial.'],
      ] },
      { section: 'Acontecimientos más importantes', subject: 'Regional', items: [
        ['Guatemala participó en la reunión del Sistema de la Integración Centroamericana sobre una agenda digital regional.'],
        ['El país se sumó a la ', { i: 'Declaración de Montevideo' }, ' sobre inteligencia artificial y sus efectos en América Latina.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind3-fr-maroc-2023',
    language: 'fr',
    title: 'Maroc',
    country: { name: 'Morocco', iso2: 'MA', iso3: 'MAR' },
    author: 'Youssef El Amrani', authorLine: 'Par Youssef El Amrani',
    date: '2023-03-15', dateText: '15/03/2023', dateLine: '15/03/2023',
    answerWords: { 'oui': 'Y', 'partiel': 'P', 'non': 'N' },
    tables: [{
      section: 'Évolution des indicateurs clés', subject: 'Maroc', columns: labels('Q', 12), yearHeader: 'Année', totalHeader: 'Score',
      rows: [
        { year: '2021', cells: ['oui', 'non', 'non', 'partiel', 'non', 'oui', 'non', 'non', 'partiel', 'non', 'oui', 'non'], total: '4 points', totalValue: '4' },
        { year: '2022', cells: ['oui', 'partiel', 'non', 'partiel', 'non', 'oui', 'non', 'partiel', 'partiel', 'non', 'oui', 'non'], total: '5,5 points', totalValue: '5.5' },
      ],
      commentary: [
        'La Commission nationale de contrôle de la protection des données à caractère personnel a lancé un programme de mise en conformité pour les administrations.',
        'Le score imprimé pour 2022 compte une réponse de plus que le tableau.',
      ],
    }],
    lists: [
      { section: 'Faits marquants', subject: 'National', items: [
        ['Le ministère de la Transition numérique et de la Réforme de l’administration a présenté la stratégie ', { b: 'Maroc Digital 2030' }, '.'],
        ['La CNDP a publié une délibération sur l’usage de la reconnaissance faciale dans les espaces commerciaux.'],
        ['L’Université Mohammed VI Polytechnique a ouvert un centre de recherche consacré à l’intelligence artificielle appliquée à l’agriculture.'],
      ] },
      { section: 'Faits marquants', subject: 'International', items: [
        ['Le Maroc a coparrainé une résolution des Nations unies sur des systèmes d’intelligence artificielle sûrs et dignes de confiance.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind3-pt-cabo-verde-2024',
    language: 'pt',
    title: 'Cabo Verde',
    country: { name: 'Cape Verde', iso2: 'CV', iso3: 'CPV' },
    author: 'Marta Semedo', authorLine: 'Autora: Marta Semedo',
    date: '2024-02-05', dateText: '5 de fevereiro de 2024', dateLine: 'Praia, 5 de fevereiro de 2024',
    answerWords: { 'y': 'Y', 'p': 'P', 'n': 'N' },
    tables: [{
      section: 'Mudanças nas métricas-chave', subject: 'Cabo Verde', columns: labels('Q', 12),
      rows: [
        { year: '2022', cells: ['Y', 'N', 'P', 'N', 'N', 'Y', 'P', 'N', 'N', 'N', 'Y', 'P'], total: '4.5' },
        { year: '2023', cells: ['Y', 'P', 'P', 'N', 'N', 'Y', 'P', 'P', 'N', 'N', 'Y', 'P'], total: '5.5' },
      ],
      commentary: [
        'A tabela segue o modelo em inglês do relatório; as respostas mantêm as letras Y, P e N.',
        'O Núcleo Operacional da Sociedade de Informação começou a preparar uma estratégia nacional para a inteligência artificial.',
      ],
    }],
    lists: [
      { section: 'Desenvolvimentos mais importantes', subject: 'País', items: [
        ['O Governo lançou o ', { b: 'Parque Tecnológico de Cabo Verde' }, ', que acolhe empresas de serviços digitais e um centro de dados.'],
        ['A Comissão Nacional de Proteção de Dados publicou orientações sobre a utilização de câmaras com reconhecimento facial.'],
      ] },
      { section: 'Desenvolvimentos mais importantes', subject: 'Internacional', items: [
        ['Cabo Verde participou no fórum da Comunidade dos Países de Língua Portuguesa sobre governação digital.'],
        ['O país assinou com a União Europeia um programa de apoio à transformação digital da administração pública.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind3-es-honduras-2023',
    language: 'es',
    title: 'Honduras',
    country: { name: 'Honduras', iso2: 'HN', iso3: 'HND' },
    author: 'Carlos Mejía', authorLine: 'Redactado por: Carlos Mejía',
    date: '2023-03-23', dateText: '23.03.2023', dateLine: '23.03.2023',
    answerWords: { '✔': 'Y', '½': 'P', '✘': 'N' },
    tables: [{
      section: 'Cambios en las métricas clave', subject: 'Honduras', columns: labels('P', 12), yearHeader: 'Año',
      rows: [
        { year: '2022', cells: ['✔', '✘', '½', '✘', '✘', '✔', '✘', '✘', '½', '✘', '✔', '✘'], total: '4' },
        { year: '2023', cells: ['✔', '½', '½', '✘', '✘', '✔', '✘', '½', '½', '✘', '✔', '✘'], total: '' },
      ],
      commentary: [
        'El total de 2023 queda sin calcular hasta que el comité revise las respuestas.',
      ],
    }],
    lists: [
      { section: 'Desarrollos más importantes', subject: 'País', items: [
        ['El Instituto de Acceso a la Información Pública pidió transparencia sobre los sistemas automatizados usados en la asignación de subsidios.'],
        ['La Secretaría de Educación anunció un programa de alfabetización digital que incluye nociones básicas de inteligencia artificial.'],
        ['Organizaciones de periodistas denunciaron campañas de desinformación con audios generados por inteligencia artificial.'],
      ] },
    ],
    anomalies: [],
  },
];
