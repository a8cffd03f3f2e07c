// Hand-written content of the probe reports. Each is printed to PDF in a way the other
// evaluation PDFs were not made (see build.mjs for the styles).
const Q = (n) => Array.from({ length: n }, (_, i) => `Q${i + 1}`);
const SECTION_T = 'Changes in key metrics';
const SECTION_L = 'Most important developments';

export const REPORTS = [
  {
    name: 'serif10', style: 'serif10', via: 'soffice',
    title: 'Finland', country: { name: 'Finland', iso2: 'FI', iso3: 'FIN' },
    author: 'Aino Virtanen', authorLine: 'Author: Aino Virtanen',
    date: '2024-03-18', dateText: '18 March 2024', dateLine: 'Date: 18 March 2024',
    tables: [{ section: SECTION_T, subject: 'Finland', columns: Q(7), rows: [
      { year: '2021', cells: ['Y', 'N', 'P', 'N', 'Y', 'N', 'P'], total: '3' },
      { year: '2022', cells: ['Y', 'P', 'P', 'N', 'Y', 'N', 'P'], total: '3.5' },
      { year: '2023', cells: ['Y', 'P', 'Y', 'P', 'Y', 'N', 'P'], total: '4.5' },
    ], commentary: [
      'The Ministry of Finance finished its review of automated decision-making in public administration, which moved Q3 from Partly to Yes.',
      'Sector regulators were given a shared budget for supervising high-risk systems from 2024 onwards.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['Parliament passed an amendment to the Administrative Procedure Act that allows fully automated decisions only where the decision rules are published and a civil servant can be asked to review the outcome.'],
        ['The national AI programme AuroraAI was closed and its results were handed to the Digital and Population Data Services Agency.'],
        ['Traficom was named the market surveillance authority for the EU AI Act and began recruiting staff.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Finland co-chaired a Nordic ministerial meeting on trustworthy AI in Helsinki and signed a joint statement on public sector use of foundation models.'],
        ['The government funded a research exchange with Estonia on machine translation for small languages.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'landscape', style: 'landscape', via: 'chromium',
    title: 'Norway', country: { name: 'Norway', iso2: 'NO', iso3: 'NOR' },
    author: 'Ingrid Haugen', authorLine: 'Ingrid Haugen',
    date: '2023-11-02', dateText: '02.11.23', dateLine: '02.11.23',
    tables: [{ section: SECTION_T, subject: 'Norway', columns: Q(12), rows: [
      { year: '2021', cells: ['Yes', 'No', 'Partly', 'No', 'Yes', 'No', 'Partly', 'No', 'No', 'Yes', 'Partly', 'No'], total: '4,5' },
      { year: '2022', cells: ['Yes', 'Partly', 'Partly', 'No', 'Yes', 'No', 'Partly', 'No', 'Partly', 'Yes', 'Partly', 'No'], total: '5,5' },
      { year: '2023', cells: ['Yes', 'Partly', 'Yes', 'No', 'Yes', 'Partly', 'Partly', 'No', 'Partly', 'Yes', 'Yes', 'No'], total: '7' },
    ], commentary: [
      'The Norwegian Data Protection Authority extended its regulatory sandbox, and two public agencies published impact assessments for their chatbots.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The Ministry of Digitalisation and Public Governance announced that it would transpose the EU AI Act through the EEA Agreement and appointed a working group to propose a national supervisory structure.'],
        ['The Research Council allocated one billion kroner to artificial intelligence research centres over five years.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Norway joined the Council of Europe negotiations on a framework convention on AI, human rights, democracy and the rule of law.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'thick-rules', style: 'thick', via: 'chromium',
    title: 'Ireland', country: { name: 'Ireland', iso2: 'IE', iso3: 'IRL' },
    author: 'Siobhán Murphy', authorLine: 'Author: Siobhán Murphy',
    date: '2024-01-22', dateText: '22 January 2024', dateLine: 'Date: 22 January 2024',
    tables: [{ section: SECTION_T, subject: 'Ireland', columns: Q(6), rows: [
      { year: '2022', cells: ['P', 'N', 'Y', 'N', 'P', 'N'], total: '2' },
      { year: '2023', cells: ['P', 'P', 'Y', 'N', 'P', 'Y'], total: '3.5' },
    ], commentary: [
      'The Department of Enterprise published its updated national AI strategy refresh, which moved Q6 to Yes.',
      'The Data Protection Commission opened two inquiries into the training of large language models on personal data.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The government appointed an AI Ambassador to lead a national conversation on the benefits and risks of artificial intelligence.'],
        ['The Department of Public Expenditure issued interim guidelines on the use of AI tools in the civil service, including a ban on entering personal data into public chatbots.'],
        ['An AI Advisory Council of independent experts was set up and published its first work programme.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Ireland signed the Bletchley Declaration at the AI Safety Summit.'],
        ['The Data Protection Commission agreed a joint approach to AI supervision with other EU data protection authorities.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'hanging-tabs', style: 'hanging', via: 'soffice',
    title: 'Denmark', country: { name: 'Denmark', iso2: 'DK', iso3: 'DNK' },
    author: 'Mette Jensen', authorLine: 'Mette Jensen',
    date: '2023-09-14', dateText: '14 September 2023', dateLine: '14 September 2023',
    tables: [{ section: SECTION_T, subject: 'Denmark', columns: Q(8), rows: [
      { year: '2021', cells: ['Y', 'Y', 'P', 'N', 'Y', 'N', 'P', 'P'], total: '4.5' },
      { year: '2022', cells: ['Y', 'Y', 'P', 'P', 'Y', 'N', 'P', 'P'], total: '5' },
      { year: '2023', cells: ['Y', 'Y', 'Y', 'P', 'Y', 'P', 'P', 'P'], total: '6' },
    ], commentary: [
      'The Agency for Digital Government published a guide to responsible use of generative AI for municipalities.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The Danish government presented a new strategy for digitalisation that sets aside funding for artificial intelligence in health care, green transition and public administration, and asks every ministry to name a person responsible for AI projects.'],
        ['The Danish Data Protection Agency published a template for data protection impact assessments of machine learning systems used in the public sector.'],
        ['The Ministry of Industry set up a regulatory sandbox for AI run jointly by the Data Protection Agency and the Agency for Digital Government.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Denmark and the other Nordic countries agreed to cooperate on Nordic language models for public services.'],
        ['Denmark supported the adoption of the EU AI Act in the Council and argued for proportionate rules for small companies.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'footnote-break', style: 'footnote', via: 'pandoc',
    title: 'Austria', country: { name: 'Austria', iso2: 'AT', iso3: 'AUT' },
    author: 'Lukas Gruber', authorLine: 'Author: Lukas Gruber',
    date: '2024-05-06', dateText: '6 May 2024', dateLine: 'Date: 6 May 2024',
    tables: [{ section: SECTION_T, subject: 'Austria', columns: Q(6), rows: [
      { year: '2022', cells: ['Y', 'N', 'P', 'N', 'P', 'N'], total: '2' },
      { year: '2023', cells: ['Y', 'P', 'P', 'N', 'P', 'Y'], total: '3.5' },
    ], commentary: [
      'The Austrian government adopted an AI strategy implementation plan in 2023. The Federal Chancellery now coordinates AI policy across ministries, and the Regulatory Authority for Broadcasting and Telecommunications set up an AI service centre that answers questions from companies and public bodies about the coming European rules.',
      'Civil society organisations criticised the slow pace of the strategy and the lack of a public register of algorithms used by the state, noting that the employment service algorithm case had shown the need for transparency.',
      'The data protection authority received more complaints about automated decisions than in any year before, most of them concerning credit scoring and online advertising.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The Federal Chancellery set up an AI service centre at the Regulatory Authority for Broadcasting and Telecommunications, which is to answer questions from companies, public bodies and citizens about the obligations of the European AI Act and to advise the government on supervisory structures before the Act applies.'],
        ['The Federal Ministry of Education funded a programme that gives every secondary school access to training on generative AI for teachers and pupils.'],
        ['The Austrian Academy of Sciences published a report on the use of AI in the courts, recommending that judges always be able to see and challenge the reasons behind any automated suggestion, that the ministry publish the data sets used to train such systems, that the parliament review the systems every two years, and that the bar association and the association of judges be consulted before any new system is introduced in civil or criminal proceedings across the country.'],
        ['The Federal Ministry of Labour paused the use of the employment service profiling algorithm after a court ruling.'],
        ['The Vienna city government published guidelines on the procurement of AI systems by municipal bodies.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Austria co-sponsored a United Nations General Assembly resolution on lethal autonomous weapons systems and hosted a conference on the topic in Vienna.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'fifteen-years', style: 'fifteen', via: 'soffice',
    title: 'Belgium', country: { name: 'Belgium', iso2: 'BE', iso3: 'BEL' },
    author: 'Sophie Peeters', authorLine: 'Author: Sophie Peeters',
    date: '2024-02-29', dateText: '29 February 2024', dateLine: 'Date: 29 February 2024',
    tables: [{ section: SECTION_T, subject: 'Belgium', columns: Q(5), rows: [
      ['2009', 'N N N N N', '0'], ['2010', 'N N N N P', '0.5'], ['2011', 'N N N P P', '1'],
      ['2012', 'N N P P P', '1.5'], ['2013', 'N P P P P', '2'], ['2014', 'P P P P P', '2.5'],
      ['2015', 'P P P P Y', '3'], ['2016', 'P P P Y Y', '3.5'], ['2017', 'P P Y Y Y', '4'],
      ['2018', 'P Y Y Y Y', '4.5'], ['2019', 'Y Y Y Y Y', '5'], ['2020', 'Y Y Y Y P', '4.5'],
      ['2021', 'Y Y Y P P', '4'], ['2022', 'Y Y P P P', '3.5'], ['2023', 'Y P P P P', '3'],
    ].map(([year, cells, total]) => ({ year, cells: cells.split(' '), total })), commentary: [
      'Fifteen years of answers show a steady rise until 2019 and a decline since then, as new obligations were not met by new institutions.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The federal government and the regions agreed a joint AI action plan with a shared budget for public sector pilots.'],
        ['The Flemish government set up a knowledge centre on data and society that advises public bodies on ethical questions.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Belgium prepared its presidency of the Council of the European Union, with the final agreement on the AI Act as a priority.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'grid-list', style: 'grid', via: 'chromium',
    title: 'Portugal', country: { name: 'Portugal', iso2: 'PT', iso3: 'PRT' },
    author: 'João Ferreira', authorLine: 'João Ferreira',
    date: '2024-06-03', dateText: '3 June 2024', dateLine: '3 June 2024',
    tables: [{ section: SECTION_T, subject: 'Portugal', columns: Q(12), rows: [
      { year: '2022', cells: ['Yes', 'No', 'Partly', 'No', 'Yes', 'No', 'Partly', 'No', 'No', 'Yes', 'Partly', 'Partly'], total: '5' },
      { year: '2023', cells: ['Yes', 'Partly', 'Partly', 'No', 'Yes', 'No', 'Partly', 'No', 'Partly', 'Yes', 'Partly', 'Yes'], total: '6.5' },
    ], commentary: [
      'The new digital transition agency took over the coordination of the national AI strategy, and its first progress report was published in March.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The government approved a resolution on the use of artificial intelligence in public administration, which requires an algorithmic impact assessment before any system that affects citizens is deployed.'],
        ['The National Data Protection Commission fined a university for using remote proctoring software that processed biometric data without a legal basis.'],
        ['A national centre for responsible AI was opened in Lisbon with funding from the recovery and resilience plan.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Portugal joined the Hiroshima AI Process Friends Group.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'repeated-header', style: 'repeat', via: 'chromium',
    title: 'Greece', country: { name: 'Greece', iso2: 'GR', iso3: 'GRC' },
    author: 'Eleni Papadopoulou', authorLine: 'Author: Eleni Papadopoulou',
    date: '2023-10-19', dateText: '19.10.2023', dateLine: 'Date: 19.10.2023',
    tables: [{ section: SECTION_T, subject: 'Greece', columns: Q(6), rows: [
      ['2009', 'N N N N N N', '0'], ['2010', 'N N N N N P', '0.5'], ['2011', 'N N N N P P', '1'],
      ['2012', 'N N N P P P', '1.5'], ['2013', 'N N P P P P', '2'], ['2014', 'N P P P P P', '2.5'],
      ['2015', 'P P P P P P', '3'], ['2016', 'P P P P P Y', '3.5'], ['2017', 'P P P P Y Y', '4'],
      ['2018', 'P P P Y Y Y', '4.5'], ['2019', 'P P Y Y Y Y', '5'], ['2020', 'P Y Y Y Y Y', '5.5'],
      ['2021', 'Y Y Y Y Y Y', '6'], ['2022', 'Y Y Y Y Y P', '5.5'], ['2023', 'Y Y Y Y P P', '5'],
    ].map(([year, cells, total]) => ({ year, cells: cells.split(' '), total })), commentary: [
      'Greece built up its AI institutions steadily until 2021; since then two bodies were merged and their mandates narrowed.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The High-Level Advisory Committee on AI presented its blueprint for the country, with proposals on public services, education and the labour market.'],
        ['Law 4961/2022 on emerging technologies entered into force, including obligations for public bodies that use AI systems.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Greece signed a cooperation agreement with the OECD on AI skills in schools.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'word-footnotes', style: 'word', via: 'docx',
    title: 'Czech Republic', country: { name: 'Czechia', iso2: 'CZ', iso3: 'CZE' },
    author: 'Tomáš Novák', authorLine: 'Author: Tomáš Novák',
    date: '2024-04-11', dateText: '11 April 2024', dateLine: 'Date: 11 April 2024',
    tables: [{ section: SECTION_T, subject: 'Czech Republic', columns: Q(8), rows: [
      { year: '2022', cells: ['Y', 'N', 'P', 'N', 'Y', 'N', 'P', 'N'], total: '3' },
      { year: '2023', cells: ['Y', 'P', 'P', 'N', 'Y', 'P', 'P', 'N'], total: '4' },
    ], commentary: [
      'The government updated the National Artificial Intelligence Strategy in 2023 and gave the Ministry of Industry and Trade the lead on implementing the European AI Act. The update added goals for public administration, education and research, and it named the bodies responsible for each goal, with dates for the first reports to the government council.',
      'The Office for Personal Data Protection published an opinion on generative AI tools in schools, and several regional governments started pilots of chatbots for citizen services. Critics noted that none of the pilots had been assessed for their effect on fundamental rights before launch.',
      'Funding for AI research rose again, mostly through the national recovery plan and the Technology Agency, while the number of public sector AI specialists remained small compared with neighbouring countries.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The Ministry of Industry and Trade presented a draft act implementing the European AI Act, which names the Czech Telecommunication Office as the market surveillance authority and sets out fines for breaches of the obligations on providers and deployers.'],
        ['The government approved the updated strategy, which adds targets for the use of AI in public administration, support for small companies that want to adopt AI tools, and a programme of retraining courses for employees whose jobs are changed by automation, to be run by the labour offices together with universities and employers in every region.'],
        ['Prague hosted the first meeting of the national AI observatory.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['The Czech Republic signed the Council of Europe Framework Convention on Artificial Intelligence.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'right-tab-numbers', style: 'hanging-right', via: 'soffice',
    title: 'Netherlands', country: { name: 'Netherlands', iso2: 'NL', iso3: 'NLD' },
    author: 'Pieter de Vries', authorLine: 'Pieter de Vries',
    date: '2024-07-01', dateText: '1 July 2024', dateLine: '1 July 2024',
    tables: [{ section: SECTION_T, subject: 'Netherlands', columns: Q(10), rows: [
      { year: '2022', cells: ['Y', 'Y', 'P', 'N', 'Y', 'P', 'P', 'N', 'Y', 'P'], total: '6' },
      { year: '2023', cells: ['Y', 'Y', 'Y', 'P', 'Y', 'P', 'P', 'N', 'Y', 'Y'], total: '7.5' },
    ], commentary: [
      'The algorithm register grew quickly in 2023, and the coordinating supervisor gave the country its first overview of algorithmic risks.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The Ministry of Economic Affairs published a national action plan on artificial intelligence with forty measures, each with a lead ministry and a deadline.'],
        ['The Dutch Data Protection Authority became the coordinating supervisor for algorithms and published its first risk report.'],
        ['The government launched an algorithm register where public bodies describe the systems they use, their purpose and the human oversight around them.'],
        ['Parliament adopted a motion asking the government to stop using discriminatory risk models in fraud detection.'],
        ['The tax administration ended the use of a self-learning risk model after an audit found it used nationality as a feature.'],
        ['The Council of State advised that any law allowing automated decisions must require a human to review objections.'],
        ['The municipality of Amsterdam published the source code of its parking enforcement image recognition system.'],
        ['A public-private coalition set up testing facilities for AI in health care, agriculture and mobility.'],
        ['Universities opened a national graduate school on responsible AI with places for two hundred doctoral candidates.'],
        ['The government published a vision on generative AI that asks for a national language model trained on Dutch public texts, for open procurement rules, and for a study of the effects of generative systems on the labour market, education and the information ecosystem.'],
        ['The police published a framework for the use of facial recognition in criminal investigations.'],
        ['The Authority for Consumers and Markets started a market study on cloud services and foundation models.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['The Netherlands hosted the second summit on responsible AI in the military domain.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'symbols-bold-numbers', style: 'symbols', via: 'soffice',
    title: 'Estonia', country: { name: 'Estonia', iso2: 'EE', iso3: 'EST' },
    author: 'Kadri Tamm', authorLine: 'Prepared by: Kadri Tamm',
    date: '2023-12-08', dateText: '8 December 2023', dateLine: 'Date: 8 December 2023',
    tables: [{ section: SECTION_T, subject: 'Estonia', columns: Q(9), rows: [
      { year: '2021', cells: ['✓', '✓', '½', '✗', '✓', '✗', '½', '✗', '✓'], total: '5' },
      { year: '2022', cells: ['✓', '✓', '½', '½', '✓', '✗', '½', '✗', '✓'], total: '5,5' },
      { year: '2023', cells: ['✓', '✓', '✓', '½', '✓', '—', '½', '✗', '✓'], total: '6' },
    ], commentary: [
      'The 2023 answer for Q6 could not be established because the responsible agency did not reply to the survey.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The government adopted the AI action plan for 2022 to 2023, including a programme of AI pilots in the public sector and support for Estonian language technology.'],
        ['The Information System Authority published requirements for the use of AI in state information systems.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Estonia and Finland agreed to share components of their public sector chatbot platforms.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'word-cell-footnote', style: 'word-cell', via: 'docx',
    title: 'Slovenia', country: { name: 'Slovenia', iso2: 'SI', iso3: 'SVN' },
    author: 'Maja Kovač', authorLine: 'Author: Maja Kovač',
    date: '2024-03-27', dateText: '27 March 2024', dateLine: 'Date: 27 March 2024',
    itemNote: { list: 0, item: 2, before: ' before it can be' },
    tables: [{ section: SECTION_T, subject: 'Slovenia', columns: Q(7), rows: [
      { year: '2022', cells: ['Yes', 'No', 'Partly', 'No', 'Yes', 'No', 'Partly'], total: '3' },
      { year: '2023', cells: ['Yes', 'Partly', 'Yes¹', 'No', 'Yes', 'No', 'Partly'], total: '4' },
    ], commentary: [
      'Slovenia strengthened the supervision of automated decisions in 2023, and the national AI programme was extended by two years with a larger budget for research and for projects in public administration.',
      'The International Research Centre on Artificial Intelligence under the auspices of UNESCO continued to grow and now advises several ministries on their digital projects.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The government adopted the revised national programme for the promotion of the development and use of artificial intelligence, which runs until 2027 and sets out measures for research, education, the economy and public administration.'],
        ['The Information Commissioner issued guidance on the use of generative AI tools by public bodies, recommending that no personal data be entered into tools run by third parties.'],
        ['The Ministry of Digital Transformation prepared a draft law on the use of artificial intelligence in public administration, which would require every system that makes or supports decisions about citizens to be registered, tested for bias and approved by an independent body before it can be put into service, and which would give citizens a right to an explanation and to a review by a civil servant of any decision made with the help of such a system, including decisions on social benefits, taxes and permits.'],
        ['The national statistics office published its first survey on the use of AI by companies.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Slovenia hosted a regional conference on AI and human rights with the Council of Europe.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'small-table-group-header', style: 'small', via: 'chromium',
    title: 'Lithuania', country: { name: 'Lithuania', iso2: 'LT', iso3: 'LTU' },
    author: 'Rūta Kazlauskienė', authorLine: 'Author: Rūta Kazlauskienė',
    date: '2024-05-20', dateText: '20 May 2024', dateLine: 'Date: 20 May 2024',
    tables: [{ section: SECTION_T, subject: 'Lithuania', columns: Q(8), rows: [
      { year: '2021', cells: ['Y', 'N', 'N', 'P', 'Y', 'N', 'P', 'N'], total: '3' },
      { year: '2022', cells: ['Y', 'N', 'P', 'P', 'Y', 'N', 'P', 'N'], total: '3.5' },
      { year: '2023', cells: ['Y', 'P', 'P', 'P', 'Y', 'P', 'P', 'N'], total: '4.5' },
    ], commentary: [
      'Lithuania set up a working group on the implementation of the AI Act and published a plan for regulatory sandboxes.',
    ] }],
    lists: [
      { section: SECTION_L, subject: 'Country', items: [
        ['The Ministry of the Economy and Innovation updated the national AI strategy with goals for data sharing between public bodies.'],
        ['The State Data Protection Inspectorate opened a sandbox for AI projects that process personal data.'],
      ] },
      { section: SECTION_L, subject: 'International', items: [
        ['Lithuania joined a Baltic initiative on language technology for public services.'],
      ] },
    ],
    anomalies: [],
  },
];
