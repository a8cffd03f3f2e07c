// The content of each evaluation report, written by hand. Documents are rendered from
// this content in several messy ways; expected.json records are written from it too.
// Item runs: a string is plain text, { b } bold, { i } italic, { bi } bold italic.
// Table cells are written exactly as printed. `anomalies` lists, by hand, the
// report-level and list-level anomalies (table-cell ones are listed per row in `expect`).

const Q = (n) => Array.from({ length: n }, (_, i) => `Q${i + 1}`);

export const REPORTS = [
  {
    name: 'kenya-2024',
    title: 'Country Report: Kenya',
    country: { name: 'Kenya', iso2: 'KE', iso3: 'KEN' },
    author: 'Wanjiru Kamau', authorLine: 'Author: Wanjiru Kamau',
    date: '2024-04-05', dateText: 'April 5, 2024', dateLine: 'Date: April 5, 2024',
    tables: [{
      section: 'Changes in key metrics', subject: 'Kenya', columns: Q(10),
      rows: [
        { year: '2022', cells: ['Yes', 'No', 'Partly', 'No', 'Yes', 'No', 'Partly', 'No', 'No', 'Yes'], total: '4' },
        { year: '2023', cells: ['Yes', 'Partly', 'Partly', 'No', 'Yes', 'Yes', 'Partly', 'No', 'Partly', 'Yes'], total: '6' },
      ],
      commentary: [
        'The Data Protection Commissioner issued guidance on automated decision-making, which moved Q2 from No to Partly.',
        'A new national AI task force was announced in 2023 and published its terms of reference for public consultation.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The Ministry of Information, Communications and the Digital Economy published a draft national artificial intelligence strategy and invited written comments from universities, civil society organisations and the private sector until the end of the consultation period.'],
        ['The Office of the Data Protection Commissioner issued a ', { b: 'guidance note on automated decision-making' }, ', requiring organisations to explain the logic of AI-based systems to affected people and to offer human review of significant decisions.'],
        ['Parliament debated a proposal for a Robotics and Artificial Intelligence Society Bill, which would create a professional register for practitioners; the proposal was criticised as premature by several industry associations.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['Kenya joined the Global Partnership on Artificial Intelligence as an observer and co-hosted a regional workshop on responsible AI for East African regulators in Nairobi.'],
        ['The government signed a memorandum of understanding on digital cooperation that includes capacity building on AI governance and cybersecurity for public servants.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'vietnam-2024',
    title: 'Vietnam',
    country: { name: 'Vietnam', iso2: 'VN', iso3: 'VNM' },
    author: 'Nguyen Thi Lan', authorLine: 'Nguyen Thi Lan',
    date: '2024-02-15', dateText: '15.02.24', dateLine: '15.02.24',
    tables: [{
      section: 'Changes in key metrics', subject: 'Vietnam', columns: Q(8),
      rows: [
        { year: '2021', cells: ['N', 'N', 'P', 'N', 'Y', 'N', 'N', 'P'], total: '2' },
        { year: '2022', cells: ['N', 'P', 'P', 'N', 'Y', 'N', 'P', 'P'], total: '3' },
        { year: '2023', cells: ['P', 'P', 'Y', 'N', 'Y', 'N', 'P', 'P'], total: '4,5' },
      ],
      commentary: [
        'The national strategy on research, development and application of AI until 2030 started to show results in 2023, in particular in public services.',
        'Consultation on the draft Law on Digital Technology Industry remained limited to invited experts.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The Ministry of Science and Technology released a draft national standard on ', { i: 'trustworthy artificial intelligence' }, ', covering transparency, robustness and accountability requirements for systems used in public administration.'],
        ['The Ministry of Information and Communications launched a sandbox for AI-based public services in three provinces, with a focus on document processing and citizen hotlines.'],
        ['Hanoi and Ho Chi Minh City opened innovation centres that provide computing resources and legal advice to small companies developing artificial intelligence products.'],
        ['The draft Law on Digital Technology Industry introduced a definition of artificial intelligence systems and proposed obligations for providers of high-risk systems.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'mexico-2023',
    title: 'Mexico',
    country: { name: 'Mexico', iso2: 'MX', iso3: 'MEX' },
    author: 'Carlos Ruiz Méndez', authorLine: 'Author: Carlos Ruiz Méndez',
    date: '2023-09-14', dateText: '2023-09-14', dateLine: 'Date: 2023-09-14',
    tables: [{
      section: 'Changes in key metrics', subject: 'Mexico', columns: Q(8),
      rows: [
        { year: '2022', cells: ['✓', '✗', '½', 'n/a', '✗', '✓', '½', '✗'], total: '3' },
        { year: '2023', cells: ['✓', '½', '½', '✗', '✗', '✓*', '½', '✓'], total: '4,5' },
      ],
      commentary: [
        'In 2022 no information was available on the existence of an independent oversight body (Q4).',
        '(*) The national digital strategy mentions AI, but without a budget line.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The Senate received an initiative for a ', { b: 'Law for the Ethical Regulation of Artificial Intelligence' }, ', which proposes a national council on AI and a register of high-risk systems used by public authorities.'],
        ['The National Institute for Transparency, Access to Information and Personal Data Protection published recommendations on the processing of personal data in artificial intelligence systems.'],
        ['Several state governments started using automated tools to prioritise citizen requests, without publishing impact assessments or information about the underlying models.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['Mexico supported the UNESCO Recommendation on the Ethics of Artificial Intelligence readiness assessment and hosted a regional meeting of Latin American authorities on AI governance.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'south-korea-2024',
    title: 'South Korea',
    country: { name: 'South Korea', iso2: 'KR', iso3: 'KOR' },
    author: 'Kim Min-jun', authorLine: 'Author: Kim Min-jun',
    date: '2024-03-03', dateText: 'March 3, 2024', dateLine: 'Date: March 3, 2024',
    tables: [
      {
        section: 'Changes in key metrics', subject: 'National government', columns: Q(10),
        rows: [
          { year: '2022', cells: ['Y', 'Y', 'P', 'N', 'Y', 'P', 'N', 'Y', 'P', 'N'], total: '5,5' },
          { year: '2023', cells: ['Y', 'Y', 'Y', 'P', 'Y', 'P', 'N', 'Y', 'P', 'P'], total: '7' },
        ],
        commentary: [
          'The Ministry of Science and ICT strengthened its AI ethics self-checklist and made it part of public procurement.',
        ],
      },
      {
        section: 'Changes in key metrics', subject: 'Seoul Metropolitan Government', columns: Q(10),
        rows: [
          { year: '2022', cells: ['P', 'N', 'N', 'N', 'Y', 'N', 'N', 'P', 'N', 'N'], total: '2' },
          { year: '2023', cells: ['P', 'P', 'N', 'N', 'Y', 'P', 'N', 'P', 'N', 'N'], total: '3,5' },
        ],
        commentary: [
          'Seoul published an inventory of algorithms used in city services, but the inventory is incomplete.',
        ],
      },
    ],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The National Assembly’s Science, ICT, Broadcasting and Communications Committee passed a draft ', { b: 'Act on Promotion of the AI Industry and Framework for Establishing Trustworthy AI' }, ', which follows a “permit first, regulate later” approach and defines high-risk AI.'],
        ['The Personal Information Protection Commission issued guidelines on the use of publicly available personal data for training large language models and opened an investigation into a domestic chatbot service.'],
        ['The Ministry of Science and ICT announced a digital bill of rights that includes the right to explanation of decisions made with artificial intelligence and the right to refuse automated processing.'],
        ['The Korea Communications Commission proposed rules requiring labels on AI-generated content in political advertising ahead of the 2024 general election.'],
        ['The Ministry of Education decided to introduce AI-based digital textbooks in mathematics, English and informatics from 2025, despite concerns from teachers’ unions about data protection and screen time.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['Seoul co-hosted the follow-up to the AI Safety Summit and announced a network of national AI safety institutes with the United Kingdom, Japan and other partners.'],
        ['Korea joined the OECD expert group on AI incidents and contributed to the common reporting framework.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'argentina-2023',
    title: 'Argentina',
    country: { name: 'Argentina', iso2: 'AR', iso3: 'ARG' },
    author: 'Lucía Fernández', authorLine: 'Author: Lucía Fernández',
    date: '2023-06-12', dateText: '12 June 2023', dateLine: 'Date: 12 June 2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Argentina', columns: Q(6),
      rows: [
        { year: '2021', cells: ['N', 'N', 'P', 'N', 'Y', 'N'], total: '1,5' },
        { year: '2022', cells: ['N', 'P', 'P', 'N', 'Y', 'N'], total: '2' },
        { year: '2022', cells: ['N', 'P', 'P', 'P', 'Y', 'N'], total: '2,5' },
      ],
      commentary: [
        'The 2022 row was revised after the reviewer meeting; both versions are kept here.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        { n: 1, runs: ['The Undersecretariat of Information Technologies approved recommendations for reliable artificial intelligence, addressed to public sector projects that use AI.'] },
        { n: 2, runs: ['The Agency for Access to Public Information started a review of facial recognition in the Buenos Aires subway after a court suspended the system.'] },
        { n: 3, runs: ['Congress received two bills on the regulation of artificial intelligence, one of them based on a risk classification similar to the European proposal.'] },
        { n: 3, runs: ['The province of Córdoba created an observatory on algorithms in public administration, together with the national university.'] },
      ] },
    ],
    anomalies: [
      { code: 'NUMBERING_GAP', path: '/developmentLists/0/items/3/number', expected: 4, found: 3 },
    ],
  },
  {
    name: 'egypt-2023',
    title: 'Egypt',
    country: { name: 'Egypt', iso2: 'EG', iso3: 'EGY' },
    author: 'Mona Hassan', authorLine: 'Mona Hassan',
    date: '2023-06-30', dateText: '30/06/2023', dateLine: '30/06/2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Egypt', columns: Q(8),
      rows: [
        { year: '2021', cells: ['N', 'P', 'N', 'N', 'Y', 'N', 'N', 'N'], total: '1.5' },
        { year: '2022', cells: ['N', 'P', 'TBD', 'N', 'Y', 'P', 'N', 'N'], total: '2' },
        { year: '2023', cells: ['P', 'P', 'P', 'N', 'Y', 'P', 'N', 'N'] },
      ],
      commentary: [
        'The 2023 total was not agreed by the reviewers and is left out.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The National Council for Artificial Intelligence published the Egyptian Charter for Responsible AI, a set of general and implementation guidelines for public and private organisations.'],
        ['The Ministry of Communications and Information Technology launched the second edition of the national AI strategy, with a focus on ', { ins: 'data infrastructure' }, { del: 'governance' }, ' and skills.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'france-2023',
    title: 'France',
    country: { name: 'France', iso2: 'FR', iso3: 'FRA' },
    author: 'Claire Dubois', authorLine: 'Author: Claire Dubois',
    date: '2023-07-07', dateText: '7 July 2023', dateLine: 'Date: 7 July 2023',
    tables: [],
    lists: [
      { section: 'Key developments', subject: 'Country', items: [
        ['The CNIL published an action plan on artificial intelligence, covering generative AI, the protection of publicly available data against scraping and the audit of AI systems.'],
        ['The law on the 2024 Olympic and Paralympic Games authorised, on an experimental basis, ', { i: 'algorithmic video surveillance' }, ' to detect predefined events in crowds until March 2025.'],
        ['The government set up a committee on generative artificial intelligence to advise on the economic, cultural and ethical aspects of the technology.'],
      ] },
      { section: 'Key developments', subject: 'European Union', items: [
        ['France argued in the Council negotiations on the AI Act for lighter obligations for foundation models and for broad exemptions for national security.'],
        ['The Conseil d’État published a study recommending a trustworthy public AI and the designation of the data protection authority as the national AI supervisor.'],
      ] },
    ],
    anomalies: [{ code: 'NO_SCORE_TABLE', path: null }],
  },
  {
    name: 'nigeria-2023',
    title: 'Nigeria',
    country: { name: 'Nigeria', iso2: 'NG', iso3: 'NGA' },
    author: 'Chinedu Okafor', authorLine: 'Author: Chinedu Okafor',
    date: '2023-08-01', dateText: '01.08.2023', dateLine: 'Date: 01.08.2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Nigeria', columns: Q(6),
      rows: [
        { year: '2022', cells: ['N', 'N', 'P', '—', 'N', 'Y'], total: '1,5' },
        { year: '2023', cells: ['P', 'N', 'P', 'N', 'N', 'Y'], total: '2' },
      ],
      commentary: [
        'No reliable information was found for Q4 in 2022.',
      ],
    }],
    lists: [],
    bullets: {
      section: 'Most important developments', subject: 'Country',
      items: [
        'The National Information Technology Development Agency started drafting a national AI policy with an expert committee.',
        'The Nigeria Data Protection Act was signed into law and created the Nigeria Data Protection Commission.',
        'The federal government announced a programme to train three million technical talents, including in artificial intelligence.',
      ],
    },
    anomalies: [{ code: 'NO_DEVELOPMENTS', path: null }],
  },
  {
    name: 'canada-2024',
    title: 'Canada',
    country: { name: 'Canada', iso2: 'CA', iso3: 'CAN' },
    author: 'Emily Tremblay', authorLine: 'Author: Emily Tremblay',
    date: '2024-01-15', dateText: 'January 15, 2024', dateLine: 'Date: January 15, 2024',
    tables: [{
      section: 'Changes in key metrics', subject: 'Canada', columns: Q(12), caption: 'Source: desk research and interviews with officials.',
      rows: [
        { year: '2020', cells: ['Y', 'P', 'P', 'N', 'Y', 'N', 'P', 'N', 'Y', 'N', 'P', 'N'], total: '5' },
        { year: '2021', cells: ['Y', 'P', 'P', 'P', 'Y', 'N', 'P', 'N', 'Y', 'N', 'P', 'N'], total: '5,5' },
        { year: '2022', cells: ['Y', 'Y', 'P', 'P', 'Y', 'P', 'P', 'N', 'Y', 'N', 'P', 'P'], total: '7' },
        { year: '2023', cells: ['Y', 'Y', 'Y', 'P', 'Y', 'P', 'Y', 'N', 'Y', 'P', 'P', 'P'], total: '8,5' },
      ],
      commentary: [
        'The proposed Artificial Intelligence and Data Act (AIDA) advanced through committee hearings in 2023, and the government tabled amendments that define high-impact systems.',
        'The Directive on Automated Decision-Making was reviewed for the third time and now applies to more federal institutions.',
        'Provincial activity increased, in particular in Quebec and Ontario.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Federal', items: [
        ['The Minister of Innovation, Science and Industry tabled amendments to the proposed ', { i: 'Artificial Intelligence and Data Act' }, ', introducing classes of high-impact systems such as those used in employment, health care and content moderation.'],
        ['Innovation, Science and Economic Development Canada published a voluntary code of conduct on the responsible development and management of advanced generative AI systems, signed by more than twenty companies.'],
        ['The Treasury Board Secretariat completed the third review of the Directive on Automated Decision-Making, extending its scope to internal services and strengthening requirements for peer review and bias testing.'],
        ['The Office of the Privacy Commissioner opened a joint investigation with three provincial commissioners into a generative AI chatbot and its collection of personal information.'],
      ] },
      { section: 'Most important developments', subject: 'Provincial', items: [
        ['Quebec’s Law 25 obligations on automated decisions came into force, requiring organisations to inform people when a decision about them is based exclusively on automated processing.'],
        ['Ontario introduced the Strengthening Cyber Security and Building Trust in the Public Sector Act, which would give the province power to set rules for the use of AI by public sector entities.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['Canada signed the Council of Europe negotiations mandate and participated in the drafting of the framework convention on artificial intelligence, human rights, democracy and the rule of law.'],
        ['Canada and the United Kingdom agreed to cooperate on compute capacity and AI safety research.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'east-africa-2023',
    title: 'East African Community',
    country: null,
    author: 'Joseph Mwangi', authorLine: 'Joseph Mwangi',
    date: null, dateText: null, dateLine: null,
    tables: [{
      section: 'Changes in key metrics', subject: 'Regional bodies', columns: Q(6),
      rows: [
        { year: '2022', cells: ['N', 'N', 'P', 'N', 'N', 'N'], total: '0,5' },
        { year: '2023', cells: ['N', 'P', 'P', 'N', 'N', 'P'], total: '2' },
      ],
      commentary: [
        'The East African Legislative Assembly discussed a resolution on digital rights, and the secretariat commissioned a study on AI readiness of member states.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Region', items: [
        ['The secretariat commissioned a study on the readiness of partner states for artificial intelligence, covering data protection laws, skills and infrastructure.'],
        ['The East African Legislative Assembly adopted a resolution calling for harmonised rules on cross-border data flows and automated decision-making.'],
        ['Rwanda, Kenya and Uganda agreed to share experience from their national AI policies in a regional working group.'],
      ] },
    ],
    anomalies: [
      { code: 'UNKNOWN_COUNTRY', path: '/report/country', found: 'East African Community' },
      { code: 'MISSING_DATE', path: '/report/date' },
    ],
  },
  {
    name: 'italy-2023',
    title: 'Italy',
    country: { name: 'Italy', iso2: 'IT', iso3: 'ITA' },
    author: 'Giulia Romano', authorLine: 'Author: Giulia Romano',
    date: null, dateText: '2023-13-05', dateLine: 'Date: 2023-13-05',
    tables: [{
      section: 'Scores', subject: 'Italy', columns: Q(8),
      rows: [
        { year: '2022', cells: ['✔', 'Partial', '✘', '✘', '✔', 'Partially', '✘', '✘'], total: '3' },
        { year: '2023', cells: ['✔', 'Partial', 'Partial', '✘', '✔', '✔', '✘', '✘'], total: '4' },
      ],
      commentary: [
        'The temporary ban of a chatbot service by the data protection authority in spring 2023 is reflected in Q3.',
      ],
    }],
    lists: [
      { section: 'Main developments in 2023', subject: 'Country', items: [
        ['The Garante per la protezione dei dati personali temporarily limited the processing of Italian users’ data by a generative chatbot service and required age verification and an information campaign.'],
        ['The Department for Digital Transformation appointed a committee of experts to update the national ', { b: 'strategy on artificial intelligence' }, ' for 2024–2026.'],
        ['The Council of State confirmed that algorithms used in public administration decisions must be knowable and subject to human control.'],
      ] },
    ],
    anomalies: [
      { code: 'UNPARSEABLE_DATE', path: '/report/date', found: '2023-13-05' },
    ],
  },
  {
    name: 'turkey-2023',
    title: 'Turkey',
    country: { name: 'Türkiye', iso2: 'TR', iso3: 'TUR' },
    author: 'Ayşe Yılmaz', authorLine: 'Author: Ayşe Yılmaz',
    date: '2023-04-05', dateText: '5th April 2023', dateLine: 'Date: 5th April 2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Turkey', columns: Q(8), caption: 'Table 1. Answers to the key questions, 2022 and 2023',
      rows: [
        { year: '2022', cells: ['yes', 'no', 'partly', 'no', 'no', 'yes', 'no', 'no'], total: '2,5' },
        { year: '2023', cells: ['yes', 'partly', 'partly', 'no', 'no²', 'yes', 'no', 'partly'], total: '3,5' },
      ],
      commentary: [
        'The National Artificial Intelligence Strategy 2021–2025 remains the main policy document.',
        '² The draft personal data protection amendment was not adopted.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The Personal Data Protection Authority published recommendations on the protection of personal data in the field of artificial intelligence, addressed to developers, manufacturers, service providers and decision makers.'],
        ['The Digital Transformation Office of the Presidency updated the action plan of the National Artificial Intelligence Strategy and reported on the progress of twenty-four measures.'],
        ['A bill on artificial intelligence was submitted to the Grand National Assembly, proposing a risk-based approach and fines for violations.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'philippines-2024',
    title: 'Philippines',
    country: { name: 'Philippines', iso2: 'PH', iso3: 'PHL' },
    author: 'Maria Santos-Reyes', authorLine: 'Author: Maria Santos-Reyes',
    date: '2024-03-14', dateText: '14/03/2024', dateLine: 'Date: 14/03/2024',
    tables: [
      {
        section: 'Changes in key metrics', subject: 'National government', columns: Q(5),
        rows: [
          { year: '2022', cells: ['Y', 'N', 'P', 'N', 'N'], total: '1,5' },
          { year: '2023', cells: ['Y', 'P', 'P', 'N', 'P'], total: '2,5' },
        ],
        commentary: ['The National AI Strategy Roadmap 2.0 was launched in July 2024 – see below.'],
      },
      {
        section: 'Changes in key metrics', subject: 'Legislature', columns: Q(7),
        rows: [
          { year: '2022', cells: ['N', 'N', 'N', 'P', 'N', 'N', 'N'], total: '0,5' },
          { year: '2023', cells: ['P', 'N', 'N', 'P', 'N', 'P', 'N'], total: '2' },
        ],
        commentary: ['Several bills were filed in the House of Representatives; none passed a committee.'],
      },
    ],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The Department of Trade and Industry updated the National AI Strategy Roadmap and proposed a National Center for AI Research (NCAIR) to coordinate research and e-government projects.'],
        ['House Bill No. 7396 proposes an Artificial Intelligence Development Authority.', { p: true }, 'The bill also requires registration of AI systems [used by public agencies] and penalties of up to PHP 5,000,000.'],
        ['The National Privacy Commission issued an advisory on ', { b: 'AI-powered chatbots' }, ' and reminded controllers that privacy impact assessments are required.'],
      ] },
      { section: 'Most important developments', subject: 'International', items: [
        ['The Philippines joined the ASEAN working group on AI governance and ethics, which prepared the ASEAN Guide on AI Governance and Ethics.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'colombia-2023',
    title: 'Colombia',
    country: { name: 'Colombia', iso2: 'CO', iso3: 'COL' },
    author: 'Andrés Gómez', authorLine: 'Author: Andrés Gómez',
    date: '2023-10-02', dateText: '2 October 2023', dateLine: 'Date: 2 October 2023',
    summary: {
      heading: 'Summary',
      paragraphs: [
        'Colombia has had an ethical framework for artificial intelligence since 2021 and a national policy for digital transformation and AI since 2019 (CONPES 3975). In 2023 the debate moved to Congress, where several bills on the regulation of artificial intelligence were filed, and to the courts, where a judge used a chatbot to draft parts of a ruling.',
        'The Superintendence of Industry and Commerce, which acts as the data protection authority, opened proceedings against providers of generative AI services and published a circular on the processing of personal data in AI systems. The government prepared a new CONPES document on artificial intelligence with a broader participation process than in 2019.',
        'Civil society organisations criticised the lack of transparency about algorithmic systems used in social programmes, in particular the SISBEN system that classifies households for social benefits, and asked for public registers of algorithms.',
        'This report covers the period from January 2018 to September 2023. Earlier years are included in the table to show the long-term trend, because several questions changed only once in the period.',
      ],
    },
    tables: [{
      section: 'Changes in key metrics', subject: 'Colombia', columns: Q(8),
      rows: [
        { year: '2018', cells: ['N', 'N', 'N', 'P', 'N', 'N', 'N', 'N'], total: '0,5' },
        { year: '2019', cells: ['P', 'N', 'N', 'P', 'N', 'N', 'P', 'N'], total: '1,5' },
        { year: '2020', cells: ['P', 'N', 'P', 'P', 'N', 'N', 'P', 'N'], total: '2' },
        { year: '2021', cells: ['Y', 'P', 'P', 'P', 'N', 'N', 'P', 'N'], total: '3' },
        { year: '2022', cells: ['Y', 'P', 'P', 'P', 'N', 'P', 'P', 'N'], total: '3,5' },
        { year: '2023', cells: ['Y', 'P', 'Y', 'P', 'N', 'P', 'P', 'P'], total: '4,5' },
      ],
      commentary: [
        'Q3 changed in 2023 because the data protection authority published binding guidance on AI systems.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The Superintendence of Industry and Commerce issued External Circular 002 of 2024 on the processing of personal data in artificial intelligence systems, requiring privacy impact assessments and measures against discriminatory outcomes.'],
        ['A judge in Cartagena used a generative chatbot to draft parts of a ruling on the right to health, which started a national debate on the use of AI in the judiciary and led the Constitutional Court to select the case for review.'],
        ['Congress received Bill 059 of 2023, which would establish guidelines for public policy on the development, use and implementation of artificial intelligence, and Bill 200 of 2023 on the responsible use of AI.'],
        ['The Ministry of Science, Technology and Innovation launched a roadmap for the ethical and sustainable adoption of artificial intelligence, with a consultation open to universities, companies and civil society.'],
        ['The National Planning Department started drafting a new CONPES policy document on artificial intelligence, planned for 2024, which will update the 2019 policy and include governance measures.'],
        ['The Ministry of Information and Communications Technologies published the results of its sandbox on privacy by design and by default in AI projects, with recommendations for public entities.'],
        ['The Administrative Department of the Public Function issued guidance to public servants on the use of generative AI tools in their daily work, including rules on confidential information.'],
        ['Bogotá launched a pilot using machine learning to prioritise road maintenance, and published the model documentation and evaluation results on its open data portal.'],
        ['The Attorney General’s Office announced the use of analytics tools to detect corruption risks in public procurement, without publishing information about the models or their evaluation.'],
        ['The Constitutional Court held hearings with experts on the use of artificial intelligence in judicial decisions as part of the review of the Cartagena case.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'peru-2023',
    title: 'Peru',
    country: { name: 'Peru', iso2: 'PE', iso3: 'PER' },
    author: 'Ana Quispe', authorLine: 'Author: Ana Quispe',
    date: '2023-04-05', dateText: '05 Apr 2023', dateLine: 'Date: 05 Apr 2023',
    footnotes: { 1: 'Only for the Lima metropolitan region.' },
    tables: [{
      section: 'Changes in key metrics', subject: 'Peru', columns: Q(7),
      rows: [
        { year: '2021', cells: ['N', 'N', 'P', 'N', 'N', 'Y', 'N'], total: '1,50' },
        { year: '2022', cells: ['P', 'N', 'P', 'N', 'N', 'Y', 'N'], total: '2,00' },
        { year: '2023', cells: ['P', 'N', 'P', 'Y[^1]', 'N', 'Y', 'P'], total: '3,50' },
      ],
      commentary: [
        'Law 31814 of July 2023 promotes the use of artificial intelligence for the economic and social development of the country.  Its regulation was still pending at the time of writing.',
      ],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['Congress adopted Law 31814, which promotes the use of artificial intelligence in favour of economic and social development.  The law declares AI of national interest and assigns the Secretariat of Government and Digital Transformation as the national authority.'],
        ['The Secretariat of Government and Digital Transformation published a draft regulation of the law for public comment, with a ', { b: 'risk-based classification' }, ' of AI systems and obligations for high-risk uses.'],
        ['The National Authority for Personal Data Protection sanctioned a bank for using automated credit scoring without informing its customers.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'uruguay-2023',
    title: 'Uruguay',
    country: { name: 'Uruguay', iso2: 'UY', iso3: 'URY' },
    author: 'Sofía Pereira', authorLine: 'Author: Sofía Pereira',
    date: '2023-05-03', dateText: '3 May 2023', dateLine: 'Date: 3 May 2023',
    tables: [{
      section: 'Changes in key metrics', subject: 'Uruguay', columns: Q(6),
      rows: [
        { year: '2022', cells: ['✓', '✗', '✓', '✗', '✗', '✓'], total: '3' },
        { year: '2023', cells: ['✓', '✓', '✓', '✗', '✗', '✓'], total: '4' },
      ],
      commentary: ['Uruguay updated its AI strategy for the digital government in 2023 after a public consultation.'],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The Agency for Electronic Government and the Information Society (AGESIC) opened a public consultation on the second national AI strategy, see https://www.gub.uy/agesic for the documents.'],
        [{ b: 'Parliament approved an article of the budget law that gives AGESIC the task of regulating artificial intelligence.' }],
        ['The data protection authority published criteria for the processing of personal data in AI systems used by public bodies.'],
      ] },
    ],
    anomalies: [],
  },
  {
    name: 'portugal-2023',
    title: 'Portugal',
    country: { name: 'Portugal', iso2: 'PT', iso3: 'PRT' },
    author: 'João Silva', authorLine: 'Author: João Silva',
    date: '2023-11-20', dateText: '20.11.2023', dateLine: 'Date: 20.11.2023',
    summary: {
      heading: 'Summary',
      paragraphs: [
        'Portugal adopted its national strategy for artificial intelligence, AI Portugal 2030, in 2019. Since then, policy has focused on skills, research and the use of AI in public administration, with a growing role for the data protection authority.',
        'In 2023 the government created an AI agenda for public administration and the data protection authority issued its first decisions on automated processing. Parliament discussed the national position on the European AI Act and the use of facial recognition by the police.',
        'Civil society organisations asked for a public register of algorithms used by the state and for an independent oversight body. The national cybersecurity centre published guidance on the secure use of generative AI in public bodies.',
        'This report covers the years 2014 to 2023. The long table shows that most changes happened after the adoption of the strategy, while transparency questions changed only in the last two years.',
        'The assessment is based on desk research, interviews with officials and with representatives of civil society, and on the answers of the government to a questionnaire sent in August 2023.',
      ],
    },
    tables: [{
      section: 'Changes in key metrics', subject: 'Portugal', columns: Q(6),
      rows: [
        { year: '2014', cells: ['N', 'N', 'N', 'N', 'N', 'N'], total: '0' },
        { year: '2015', cells: ['N', 'N', 'N', 'P', 'N', 'N'], total: '0,5' },
        { year: '2016', cells: ['N', 'N', 'N', 'P', 'N', 'N'], total: '0,5' },
        { year: '2017', cells: ['P', 'N', 'N', 'P', 'N', 'N'], total: '1' },
        { year: '2018', cells: ['P', 'N', 'N', 'P', 'N', 'N'], total: '1' },
        { year: '2019', cells: ['Y', 'P', 'N', 'P', 'N', 'N'], total: '2' },
        { year: '2020', cells: ['Y', 'P', 'N', 'Y', 'N', 'N'], total: '2,5' },
        { year: '2021', cells: ['Y', 'P', 'P', 'Y', 'N', 'N'], total: '3' },
        { year: '2022', cells: ['Y', 'P', 'P', 'Y', 'P', 'N'], total: '3,5' },
        { year: '2023', cells: ['Y', 'Y', 'P', 'Y', 'P', 'P'], total: '4,5' },
      ],
      commentary: ['Q2 reached Y in 2023 with the AI agenda for public administration.'],
    }],
    lists: [
      { section: 'Most important developments', subject: 'Country', items: [
        ['The government approved the agenda for artificial intelligence in public administration, which sets rules for the procurement of AI systems, requires impact assessments and creates a network of AI officers in ministries.'],
        ['The National Data Protection Commission ordered a university to stop using proctoring software that analysed the faces of students during online exams, because the processing was not necessary and lacked a legal basis.'],
        ['Parliament debated two resolutions on the use of facial recognition by the police in public spaces, one of them calling for a moratorium until a specific law is adopted.'],
        ['The National Cybersecurity Centre published guidance on the secure use of generative artificial intelligence in public bodies, including rules on confidential data and on the verification of outputs.'],
      ] },
    ],
    anomalies: [],
  },
];
