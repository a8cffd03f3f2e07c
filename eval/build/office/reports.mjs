// Office-format blind set: the content of each report, written by hand. Cells and totals as
// printed; item runs: a string is plain, { b } bold, { i } italic.

const Q = (n) => Array.from({ length: n }, (_, i) => `Q${i + 1}`);

export const REPORTS = [
  {
    name: 'office-ecuador-2023',
    title: 'Ecuador',
    country: { name: 'Ecuador', iso2: 'EC', iso3: 'ECU' },
    author: 'María José Andrade', authorLine: 'Author: María José Andrade',
    date: '2023-04-17', dateText: '17 April 2023', dateLine: 'Date: 17 April 2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Ecuador', columns: Q(12),
      rows: [
        { year: '2021', cells: ['N', 'N', 'P', 'N', 'Y', 'N', 'N', 'P', 'N', 'N', 'P', 'N'], total: '2.5' },
        { year: '2022', cells: ['N', 'P', 'P', 'N', 'Y', 'N', 'P', 'P', 'N', 'N', 'P', 'N'], total: '3.5' },
      ],
      commentary: [
        'The Organic Law on Personal Data Protection entered into force in May 2021, and the data protection authority was still being set up at the end of 2022.',
        'Public consultation on digital policy improved after the Ministry of Telecommunications opened an online participation portal.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The Ministry of Telecommunications and Information Society published the ', { b: 'Digital Transformation Agenda 2022–2025' }, ', which names artificial intelligence among the technologies the public sector should adopt with safeguards.'],
        ['The National Assembly received a draft law on the ethical use of artificial intelligence, proposed by a group of legislators after hearings with universities and civil society.'],
        ['The Superintendency of Personal Data Protection was created under the new law, although its head had not yet been appointed when this report was written.'],
        ['The city of Quito tested an automated system for traffic fines, which drew complaints about the lack of ', { i: 'human review' }, ' before penalties were issued.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['Ecuador endorsed the UNESCO Recommendation on the Ethics of Artificial Intelligence and took part in the first regional forum on its implementation in Santiago.'],
        ['The government joined the Inter-American Development Bank programme fAIr LAC, which supports pilots of responsible artificial intelligence in public services.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'office-morocco-2024',
    title: 'Kingdom of Morocco',
    country: { name: 'Morocco', iso2: 'MA', iso3: 'MAR' },
    author: 'Youssef El Amrani', authorLine: 'Prepared by: Youssef El Amrani',
    date: '2024-02-08', dateText: '8 February 2024', dateLine: '8 February 2024',
    tables: [{
      section: 'Changes in key metrics', subject: 'Morocco', columns: Q(10),
      rows: [
        { year: '2021', cells: ['Yes', 'No', 'Partly', 'No', 'Yes', 'No', 'No', 'Partly', 'No', 'No'], total: '3' },
        { year: '2022', cells: ['Yes', 'No', 'Partly', 'Partly', 'Yes', 'No', 'No', 'Partly', 'No', 'No'], total: '3,5' },
        { year: '2023', cells: ['Yes', 'Partly', 'Partly', 'Partly', 'Yes', 'No', 'Partly', 'Partly', 'No', 'No'], total: '4' },
      ],
      commentary: [
        'The data protection commission (CNDP) extended its moratorium on facial recognition in 2022 and began consultations on a framework for biometric systems.',
        'The 2023 total printed in the report was not updated after the answer to Q7 was revised.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'National', items: [
        ['The Ministry of Digital Transition and Administrative Reform announced the ', { b: 'Digital Morocco 2030' }, ' strategy, with a chapter on artificial intelligence and the training of data specialists.'],
        ['The CNDP published guidance on the use of cameras with automated analysis in shops and workplaces, reminding operators that such systems need prior authorisation.'],
        ['Mohammed VI Polytechnic University opened a research centre on artificial intelligence for agriculture and water management in Benguerir.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['Morocco chaired the first session of the UNESCO regional forum on AI in Africa and called for a continental approach to data governance.'],
        ['The government signed a memorandum with the European Union on digital cooperation that covers research on ', { i: 'trustworthy artificial intelligence' }, '.'],
      ] },
    ],
    // The 2023 total disagrees with its answers: the calculator reports it.
    anomalies: [],
  },
  {
    name: 'office-sweden-2023',
    title: 'Sweden',
    country: { name: 'Sweden', iso2: 'SE', iso3: 'SWE' },
    author: 'Karin Lindqvist', authorLine: 'Karin Lindqvist',
    date: '2023-03-30', dateText: '30.03.2023', dateLine: '30.03.2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Sweden', columns: Q(8),
      rows: [
        { year: '2021', cells: ['Y', 'Y', 'P', 'Y', 'Y', 'P', 'N', 'Y'], total: '6' },
        { year: '2022', cells: ['Y', 'Y', 'Y', 'Y', 'Y', 'P', 'P', 'Y'], total: '7' },
      ],
      commentary: [
        'Sweden updated its national approach to artificial intelligence with an assignment to the Agency for Digital Government to coordinate public sector work on AI.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The government appointed an ', { b: 'AI commission' }, ' to propose how Sweden can strengthen its competitiveness and its safeguards for fundamental rights.'],
        ['The Swedish Authority for Privacy Protection (IMY) fined the police for the unlawful use of a facial recognition application and ordered training for staff.'],
        ['The Agency for Digital Government published guidance on the use of generative AI tools in public administration, including rules for handling personal data.'],
        ['Sweden’s innovation agency Vinnova funded a national language model project for Swedish and the other Nordic languages.'],
        ['The Swedish Tax Agency reported on its risk assessment models to Parliament after questions about transparency and appeals.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'office-thailand-2024',
    title: 'Thailand',
    country: { name: 'Thailand', iso2: 'TH', iso3: 'THA' },
    author: 'Somchai Wongsawat', authorLine: 'By Somchai Wongsawat',
    date: '2024-01-22', dateText: 'January 22, 2024', dateLine: 'January 22, 2024',
    tables: [{
      section: 'Changes in key metrics', subject: 'Thailand', columns: Q(12),
      rows: [
        { year: '2022', cells: ['Y', 'N', 'P', 'N', 'P', 'N', 'N', 'Y', 'P', 'N', 'N', 'P'], total: '4' },
        { year: '2023', cells: ['Y', 'P', 'P', 'N', 'P', '-', 'N', 'Y', 'P', 'P', 'N', 'P'], total: '5' },
      ],
      commentary: [
        'The answer to Q6 for 2023 is left open because the evaluation of the national AI ethics guidelines had not been published.',
        'The Personal Data Protection Act became fully enforceable in June 2022, which explains the change in Q2.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Domestic', items: [
        ['The Electronic Transactions Development Agency published a draft ', { b: 'AI governance guideline' }, ' for organisations and held public hearings on it.'],
        ['The National AI Committee approved the second phase of the national AI strategy and action plan (2022–2027).'],
        ['The Personal Data Protection Committee issued notifications on security measures and on the appointment of data protection officers.'],
      ] },
      { section: 'Most important developments', subject: 'Regional', items: [
        ['Thailand took part in drafting the ASEAN Guide on AI Governance and Ethics, adopted by the ASEAN digital ministers in early 2024.'],
        ['The Digital Economy Promotion Agency signed cooperation agreements with Singapore on ', { i: 'cross-border data flows' }, ' and AI testing.'],
      ] },
    ],
    // The `-` for Q6 in 2023 is a missing answer: the calculator reports it.
    anomalies: [],
  },
];
