// Blind set 2: the content of each report, written by hand from the documents as an
// analyst would lay them out. Cells and totals are written exactly as printed; where the
// printed total or year carries extra text (`4.5/12`, `5.0 points`, `2023 (est.)`), the
// value it stands for is given beside it. Item runs: a string is plain, { b } bold, { i } italic.

const Q = (n) => Array.from({ length: n }, (_, i) => `Q${i + 1}`);

export const REPORTS = [
  {
    name: 'blind2-brazil-2023',
    title: 'AI Policy Report — Brazil',
    country: { name: 'Brazil', iso2: 'BR', iso3: 'BRA' },
    author: 'Luana Ferreira', authorLine: 'Prepared by: Luana Ferreira',
    date: '2023-03-05', dateText: 'March 5th, 2023', dateLine: 'March 5th, 2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Brazil', columns: Q(8), totalHeader: 'Score',
      rows: [
        { year: '2021', cells: ['y', 'n', 'p', 'n', 'n', 'y', 'n', 'p'], total: '3' },
        { year: '2022', cells: ['y', 'p', 'p', 'n', 'n', 'y', 'p', 'p'], total: '4' },
      ],
      commentary: [
        'The Senate committee of jurists delivered its report on a regulatory framework for artificial intelligence, which moved the country forward on public consultation and risk classification.',
        'Implementation of the national AI strategy (EBIA) remained slow, and its governance structure was still being discussed at the end of the year.',
      ],
    }],
    lists: [
      { section: 'Key developments', subject: 'National', items: [
        ['The committee of jurists appointed by the Federal Senate presented a substitute text for Bill 21/2020, proposing a risk-based approach with obligations that grow with the level of risk of each artificial intelligence system.'],
        ['The National Data Protection Authority (ANPD) opened a ', { b: 'regulatory sandbox consultation' }, ' on artificial intelligence and personal data, inviting companies and researchers to describe the experiments they would run under supervision.'],
        ['The Superior Electoral Court adopted a resolution that requires labels on synthetic content used in electoral propaganda and forbids deepfakes that harm candidates.'],
        ['Several state governments announced AI-based tools for public security, prompting civil society organisations to ask for independent impact assessments and limits on facial recognition in public spaces.'],
      ] },
      { section: 'Key developments', subject: 'Global', items: [
        ['Brazil took part in the negotiations of the Council of Europe framework convention on artificial intelligence as an observer state.'],
        ['The government announced that the G20 presidency would include a working group on ', { i: 'digital economy and artificial intelligence' }, ' with a focus on inclusion and connectivity.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind2-netherlands-2024',
    title: 'The Netherlands',
    country: { name: 'Netherlands', iso2: 'NL', iso3: 'NLD' },
    author: 'Pieter de Vries', authorLine: 'By Pieter de Vries',
    date: '2024-03-05', dateText: '05/03/2024', dateLine: '05/03/2024',
    tables: [{
      section: 'Changes in key metrics', subject: 'Netherlands', columns: Q(10),
      rows: [
        { year: '2021', cells: ['Yes', 'Yes', 'Partly', 'No', 'Yes', 'Partly', 'No', 'Yes', 'Partly', 'No'], total: '5,5' },
        { year: '2022', cells: ['Yes', 'Yes', 'Partly', 'Partly', 'Yes', 'Partly', 'No', 'Yes', 'Partly', 'No'], total: '6' },
        { year: '2023', cells: ['Yes', 'Yes', 'Yes', 'Partly', 'Yes', '-', 'No', 'Yes', 'Partly', 'Partly'], total: '7' },
      ],
      commentary: [
        'The algorithm register of the Dutch government went live and public bodies started to publish descriptions of the algorithms they use.',
        'The answer for Q6 in 2023 is left open: the evaluation of the supervisory arrangements by the Dutch Data Protection Authority was not finished when this report was written.',
      ],
    }],
    lists: [
      { section: 'Top developments in 2023', subject: 'National', items: [
        ['The Dutch Data Protection Authority (AP) became the coordinating supervisor for algorithms and set up a dedicated directorate to monitor risks of algorithms and artificial intelligence.'],
        ['The government published its ', { b: 'working agenda on value-driven digitalisation' }, ', which sets goals for transparency of public algorithms and for human rights impact assessments before deployment.'],
        ['Following the childcare benefits scandal, the Parliament adopted motions asking the government to stop using risk profiling algorithms that rely on nationality or ethnicity.'],
      ] },
      { section: 'Top developments in 2023', subject: 'Regional', items: [
        ['The Netherlands supported the political agreement on the EU Artificial Intelligence Act reached in December and asked for strict limits on biometric identification in public spaces.'],
      ] },
      { section: 'Top developments in 2023', subject: 'Global', items: [
        ['The Netherlands co-hosted with the Republic of Korea the summit on Responsible AI in the Military Domain (REAIM) in The Hague, which ended with a call to action endorsed by more than fifty states.'],
        ['The Dutch government joined the ', { i: 'Bletchley Declaration' }, ' at the AI Safety Summit in the United Kingdom.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind2-cote-divoire-2023',
    title: "Côte d'Ivoire",
    country: { name: "Côte d'Ivoire", iso2: 'CI', iso3: 'CIV' },
    author: 'Aminata Koné', authorLine: 'Author: Aminata Koné',
    date: '2023-03-05', dateText: '2023.03.05', dateLine: '2023.03.05',
    tables: [{
      section: 'Changes in key metrics', subject: "Côte d'Ivoire", columns: Q(12),
      rows: [
        { year: '2021', cells: ['N', 'N', 'P', 'N', 'N', 'Y', 'N', 'N', 'P', 'N', 'N', 'P'], total: '2.5/12', totalValue: '2.5' },
        { year: '2022', cells: ['N', 'P', 'P', 'N', 'N', 'Y', 'N', 'Y*', 'P', 'N', 'N', 'P'], total: '4/12', totalValue: '4' },
      ],
      commentary: [
        'The personal data protection authority (ARTCI) published an opinion on automated processing in 2022, although it is not binding.',
        'There is still no national AI strategy, although the Ministry of Digital Economy announced that a draft would be submitted for consultation.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        { n: 1, runs: ['The Ministry of Digital Economy and Telecommunications announced the preparation of a national strategy for artificial intelligence and data, to be drafted with the support of international partners.'] },
        { n: 2, runs: ['The Telecommunications Regulatory Authority (ARTCI) issued an opinion reminding companies that automated decisions based on personal data must be explained to the people concerned.'] },
        { n: 4, runs: ['A national hackathon on ', { b: 'AI for agriculture' }, ' brought together young developers from Abidjan, Bouaké and Yamoussoukro, with prizes for tools that help cocoa farmers.'] },
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        { n: 1, runs: ["Côte d'Ivoire took part in the African Union consultations on a continental artificial intelligence strategy and supported a common approach to data governance."] },
        { n: 2, runs: ['The country signed a cooperation agreement on digital skills that includes training in data science for civil servants.'] },
      ] },
    ],
    anomalies: [
      { code: 'NUMBERING_GAP', path: '/developmentLists/0/items/2/number', expected: 3, found: 4 },
    ],
  },
  {
    name: 'blind2-korea-2024',
    title: 'Republic of Korea',
    country: { name: 'South Korea', iso2: 'KR', iso3: 'KOR' },
    author: 'Kim Min-jun', authorLine: 'Kim Min-jun',
    date: '2024-01-18', dateText: 'January 18, 2024', dateLine: 'January 18, 2024',
    tables: [{
      section: 'Changes in key metrics', subject: 'Republic of Korea', columns: Q(12),
      rows: [
        { year: '2022', cells: ['Y', 'Y', 'P', 'Y', 'P', 'N', 'Y', 'P', 'Y', 'N', 'P', 'Y'], total: '8' },
        { year: '2023 (est.)', yearValue: '2023', cells: ['Y', 'Y', 'Y', 'Y', 'P', 'P', 'Y', 'P', 'Y', 'N', 'P', 'Y'], total: '8' },
      ],
      commentary: [
        'The 2023 row is an estimate: the Ministry of Science and ICT had not published its final implementation report when this report was written, so the figures may change.',
        'The total printed for 2023 was not updated after the reviewers revised their answers to Q3 and Q6.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Domestic', items: [
        ['The Ministry of Science and ICT announced a digital bill of rights setting out principles for a fair and human-centred digital society, including rights related to artificial intelligence and algorithmic decision-making.'],
        ['The National Assembly Science, ICT, Broadcasting and Communications Committee passed a consolidated bill on fostering the AI industry and establishing a trust-based framework, but the plenary vote was postponed.'],
        ['The Personal Information Protection Commission published guidelines on the use of pseudonymised data for training AI models, and launched a pre-inspection programme for large language model services.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['Korea agreed to co-host the second AI safety summit with the United Kingdom, to be held in Seoul in the first half of 2024.'],
        ['The government presented its vision for global digital norms at the Paris Peace Forum and proposed cooperation on AI-generated content labelling.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind2-chile-2023',
    title: 'Chile',
    country: { name: 'Chile', iso2: 'CL', iso3: 'CHL' },
    author: 'Camila Rojas', authorLine: 'Camila Rojas',
    date: '2023-04-12', dateText: '12 April 2023', dateLine: 'Date: 12 April 2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Chile', columns: Q(8), totalHeader: 'Sum',
      rows: [
        { year: '2021', cells: ['Y', 'P', 'P', 'N', 'Y', 'N', 'N', 'P'], total: '3.5 points', totalValue: '3.5' },
        { year: '2022', cells: ['Y', 'P', 'Y', 'N', 'Y', '?', 'N', 'P'], total: '4.0 points', totalValue: '4.0' },
      ],
      commentary: [
        'The update of the National AI Policy was announced at the end of 2022 and a consultation with experts started; the answer to Q6 could not be established from public sources.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: null, items: [
        ['The Ministry of Science, Technology, Knowledge and Innovation announced an update of the National Artificial Intelligence Policy and its action plan, with a new chapter on ethics, regulation and the impact on work.'],
        ['Chile was the first country in the region to begin the ', { b: 'UNESCO readiness assessment methodology' }, ', which evaluates the legal, social, scientific and economic conditions for ethical AI.'],
        ['A group of deputies presented a bill to regulate artificial intelligence systems, robotics and related technologies, which was referred to the Future Challenges committee.'],
        ['The Council for Transparency published a study on the use of algorithms by public bodies, recommending a public register of automated decision systems.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind2-india-2024',
    title: 'India',
    country: { name: 'India', iso2: 'IN', iso3: 'IND' },
    author: 'Priya Raghavan', authorLine: 'Author: Priya Raghavan',
    date: '2024-02-08', dateText: '8 February 2024', dateLine: 'Date: 8 February 2024',
    summary: { heading: 'Summary', paragraphs: [
      'This report reviews the policies, laws and public debates on artificial intelligence in India over the last decade. It is based on official publications, parliamentary records and interviews with officials and experts.',
      'India does not yet have a dedicated law on artificial intelligence. The government has preferred a light-touch approach that relies on sectoral rules, on the new data protection act and on advisories issued to platforms.',
      'The scores below cover twelve years to show how slowly most of the indicators have moved, and how the pace changed after the national strategy was published in 2018.',
    ] },
    tables: [{
      section: 'Changes in key metrics', subject: 'India', columns: Q(8),
      rows: [
        { year: '2012', cells: ['N', 'N', 'N', 'N', 'N', 'N', 'N', 'N'], total: '0' },
        { year: '2013', cells: ['N', 'N', 'N', 'N', 'N', 'N', 'N', 'N'], total: '0' },
        { year: '2014', cells: ['N', 'N', 'N', 'N', 'N', 'P', 'N', 'N'], total: '0.5' },
        { year: '2015', cells: ['N', 'N', 'N', 'N', 'N', 'P', 'N', 'N'], total: '0.5' },
        { year: '2016', cells: ['N', 'N', 'N', 'N', 'N', 'P', 'N', 'N'], total: '0.5' },
        { year: '2017', cells: ['N', 'N', 'P', 'N', 'N', 'P', 'N', 'N'], total: '1' },
        { year: '2018', cells: ['P', 'N', 'P', 'N', 'N', 'P', 'N', 'N'], total: '1.5' },
        { year: '2019', cells: ['P', 'N', 'P', 'N', 'N', 'P', 'N', 'N'], total: '1.5' },
        { year: '2020', cells: ['P', 'N', 'P', 'N', 'P', 'P', 'N', 'N'], total: '2' },
        { year: '2021', cells: ['P', 'N', 'P', 'N', 'P', 'P', 'N', 'P'], total: '2.5' },
        { year: '2022', cells: ['P', 'N', 'P', 'N', 'P', 'P', 'N', 'P'], total: '2.5' },
        { year: '2023', cells: ['Y', 'N', 'P', 'P', 'P', 'Y', 'N', 'P'], total: '4' },
      ],
      commentary: [
        'The Digital Personal Data Protection Act adopted in August 2023 explains the change in Q1 and Q6. The first reference to artificial intelligence in a policy document dates from 2017.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['Parliament passed the Digital Personal Data Protection Act, 2023, which sets out duties for data fiduciaries and creates a Data Protection Board, although many exemptions for the state remain.'],
        ['The Ministry of Electronics and Information Technology issued an advisory asking platforms to label content generated by artificial intelligence and to prevent the spread of deepfakes.'],
        ['The government approved the IndiaAI mission with a budget for computing capacity, datasets and start-up financing, to be carried out by a dedicated agency.'],
        ['NITI Aayog published a discussion paper on facial recognition technology, with recommendations for the Digi Yatra programme at airports.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['India held the presidency of the Global Partnership on Artificial Intelligence and hosted its summit in New Delhi in December 2023.'],
        ['The G20 New Delhi Leaders Declaration committed members to a pro-innovation regulatory approach that maximises the benefits and takes into account the risks of AI.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind2-ghana-2024',
    title: 'Ghana',
    country: { name: 'Ghana', iso2: 'GH', iso3: 'GHA' },
    author: 'Kwame Mensah', authorLine: 'Prepared by Kwame Mensah',
    date: '2024-01-09', dateText: '9th January 2024', dateLine: '9th January 2024',
    tables: [{
      section: 'Changes in key metrics', subject: 'Ghana', columns: Q(10),
      rows: [
        { year: '2022', cells: ['no', 'partly', 'no', 'no', 'yes', 'partly', 'no', 'no', 'partly', 'no'], total: '2.5' },
        { year: '2023', cells: ['partly', 'partly', 'no', 'no', 'yes', 'partly', 'no', 'partly', 'partly', 'no'], total: '3.5' },
      ],
      commentary: [
        'The draft National Artificial Intelligence Strategy was validated with stakeholders in 2023, and the Data Protection Commission began to consult on automated processing.',
      ],
    }],
    lists: [
      { section: 'Main developments in 2023', subject: 'National', items: [
        ['The Ministry of Communications and Digitalisation held validation workshops on the draft National Artificial Intelligence Strategy, prepared with the support of the Smart Africa alliance and development partners.'],
        ['The Data Protection Commission announced that it would issue guidance on automated decision-making and profiling under the Data Protection Act, 2012.'],
        ['The Responsible AI Lab at the Kwame Nkrumah University of Science and Technology published research on the use of machine learning in health and agriculture in local languages.'],
      ] },
      { section: 'Main developments in 2023', subject: 'Regional', items: [
        ['Ghana took part in the drafting of the African Union continental strategy on artificial intelligence and hosted a regional dialogue on data governance in Accra.'],
      ] },
      { section: 'Main developments in 2023', subject: 'Global', items: [
        ['Ghana endorsed the UNESCO Recommendation on the Ethics of Artificial Intelligence implementation programme and requested a readiness assessment.'],
        ['The government joined the Global Digital Compact consultations and called for a stronger voice of African states in global AI governance.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind2-poland-2023',
    title: 'Poland',
    country: { name: 'Poland', iso2: 'PL', iso3: 'POL' },
    author: 'Marta Nowak', authorLine: 'Author: Marta Nowak',
    date: '2023-03-05', dateText: '05.03.2023', dateLine: 'Date: 05.03.2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Poland', columns: Q(12), yearHeader: 'YEAR', totalHeader: 'TOTAL',
      rows: [
        { year: '2021', cells: ['Y', 'Y', 'P', 'N', 'P', 'N', 'Y', 'N', 'P', 'N', 'Y', 'P'], total: '6' },
        { year: '2022', cells: ['Y', 'Y', 'P', 'N', 'P', 'P', 'Y', 'N', 'P', 'N', 'Y', 'P'], total: '6.5' },
      ],
      commentary: [
        'Y = yes, P = partly, N = no.',
        'The Ministry of Digital Affairs opened consultations on the implementation of the AI Act and asked which authority should supervise it, which explains the change in Q6.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The Ministry of Digital Affairs published a ', { link: 'consultation on the national supervisory authority', href: 'https://www.gov.pl/web/cyfryzacja' }, ' for artificial intelligence, asking whether a new body should be created or an existing regulator should take the role.'],
        ['The Personal Data Protection Office (UODO) opened proceedings against the provider of a chatbot service after a complaint about inaccurate personal data produced by the model.'],
        ['The Polish government updated the Policy for the development of artificial intelligence in Poland from 2020, adding targets for computing infrastructure and ', { i: 'public sector data sharing' }, '.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['Poland signed the Bletchley Declaration on AI safety and took part in the first AI Safety Summit.'],
        ['Polish experts contributed to the OECD work on classifying AI incidents [1].'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'blind2-japan-2024',
    title: 'Japan',
    country: { name: 'Japan', iso2: 'JP', iso3: 'JPN' },
    author: 'Haruto Sato', authorLine: 'Author: Haruto Sato',
    date: '2024-02-20', dateText: '20 February 2024', dateLine: 'Date: 20 February 2024',
    tables: [{
      section: 'Changes in key metrics', subject: 'Japan', columns: Q(12), totalHeader: 'Total score',
      rows: [
        { year: '2022', cells: ['Yes', 'Yes', 'Partly', 'Yes', 'No', 'Partly', 'Yes', 'Partly', 'Yes', 'No', 'Partly', 'Yes'], total: '8' },
        { year: '2023', cells: ['Yes', 'Yes', 'Yes', 'Yes', 'Partly', 'Partly', 'Yes', 'Partly', 'Yes', 'No', 'Partly', 'Yes'], total: '9' },
      ],
      commentary: [
        'The Hiroshima AI Process launched under the G7 presidency and the draft AI guidelines for business explain most of the changes in 2023.',
        'The government continued to prefer soft law over binding rules, and the AI Strategy Council discussed whether legislation for the most capable models is needed.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The AI Strategy Council published a tentative summary of AI issues, covering risks of generative AI such as disinformation, infringement of copyright and leaks of confidential information, and asked ministries to address them in their own fields.'],
        ['The Ministry of Economy, Trade and Industry and the Ministry of Internal Affairs and Communications released draft AI guidelines for business that merge three earlier sets of guidelines into one document for developers, providers and users of AI systems. The draft was opened for public comment at the end of the year.'],
        ['The Agency for Cultural Affairs held a series of seminars on AI and copyright and started to prepare a document on the general understanding of Article 30-4 of the Copyright Act, which allows the use of works for machine learning.'],
        ['The Personal Information Protection Commission issued a warning to the provider of a conversational AI service about the handling of sensitive personal data and asked it to obtain consent before collecting such data.'],
        ['The Digital Agency examined the use of generative AI in public administration and published a guide for civil servants on the safe use of chatbots in daily work.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['Under the G7 presidency, Japan launched the Hiroshima AI Process, which led to the International Guiding Principles and the International Code of Conduct for Organisations Developing Advanced AI Systems.'],
        ['Japan announced the creation of an AI Safety Institute within the Information-technology Promotion Agency, following the AI Safety Summit in the United Kingdom.'],
        ['Japan and the European Union agreed to strengthen cooperation on trustworthy AI within their Digital Partnership, including on standards, on the evaluation of AI systems and on research into privacy-enhancing technologies. Both sides also committed to exchange information on the implementation of the EU AI Act and of the Japanese guidelines, and to coordinate their positions in the OECD and in the Global Partnership on Artificial Intelligence.'],
      ] },
    ],
    anomalies: [],
  },
];
