/**
 * A synthetic workspace the size of a busy mission's archive, for `npm run bench`: deterministic (seeded),
 * with text that reads like briefings (topic vocabulary, names with diacritics and in Cyrillic, figures,
 * acronyms), stamped with the app's own createRecord so the rows are exactly what the app stores.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import {
  ACTION_STATUSES,
  BRIEFING_FORMATS,
  PRIORITIES,
  STATEMENT_KINDS,
  type Action,
  type Briefing,
  type Organisation,
  type Person,
  type Statement,
} from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

export interface Counts {
  organisations: number;
  people: number;
  briefings: number;
  statements: number;
  actions: number;
}

export const FULL_COUNTS: Counts = { organisations: 400, people: 5_000, briefings: 10_000, statements: 100_000, actions: 20_000 };

export interface SyntheticWorkspace {
  organisations: Organisation[];
  people: Person[];
  briefings: Briefing[];
  statements: Statement[];
  actions: Action[];
}

/** mulberry32: small, fast, good enough for test data. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  // Skewed towards the start of a list, as word use is: a few words are everywhere, most are rare.
  const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(next() ** 2 * xs.length)]!;
  const some = <T>(xs: readonly T[], min: number, max: number): T[] => {
    const n = min + int(max - min + 1);
    const out = new Set<T>();
    while (out.size < Math.min(n, xs.length)) out.add(pick(xs));
    return [...out];
  };
  return { next, int, pick, skewed, some };
}

const TOPICS: Record<string, { title: string; tags: string[]; words: string[] }> = {
  drugs: {
    title: 'Counter-narcotics cooperation',
    tags: ['counter-narcotics', 'Afghanistan', 'seizures', 'Northern Route'],
    words: ['heroin', 'opium', 'seizures', 'trafficking', 'precursors', 'laboratories', 'cultivation', 'interdiction', 'purity', 'liaison officers', 'Northern Route', 'cannabis', 'synthetic drugs', 'border posts'],
  },
  border: {
    title: 'Border management',
    tags: ['border', 'security', 'OSCE'],
    words: ['border guards', 'checkpoints', 'patrols', 'surveillance', 'crossings', 'demarcation', 'customs officers', 'training centre', 'equipment', 'mountain passes', 'smuggling', 'cross-border trade'],
  },
  energy: {
    title: 'Energy security',
    tags: ['energy', 'hydropower', 'CASA-1000'],
    words: ['hydropower', 'Rogun dam', 'electricity exports', 'transmission lines', 'tariffs', 'winter shortages', 'coal', 'gas supply', 'power plants', 'grid', 'investment', 'feasibility study'],
  },
  water: {
    title: 'Transboundary water',
    tags: ['water', 'Aral Sea', 'climate'],
    words: ['irrigation', 'glaciers', 'river basin', 'water allocation', 'reservoirs', 'drought', 'Amu Darya', 'Syr Darya', 'canals', 'water users associations', 'floods', 'monitoring stations'],
  },
  trade: {
    title: 'Trade and investment',
    tags: ['trade', 'WTO', 'investment'],
    words: ['tariff schedule', 'exports', 'imports', 'investment climate', 'free economic zones', 'customs union', 'transit corridors', 'cotton', 'aluminium', 'remittances', 'business forum', 'banking sector'],
  },
  health: {
    title: 'Public health',
    tags: ['health', 'WHO', 'vaccination'],
    words: ['vaccination', 'tuberculosis', 'maternal health', 'hospitals', 'primary care', 'medicines', 'HIV prevention', 'outbreak', 'laboratory network', 'health insurance', 'nurses', 'clinics'],
  },
  migration: {
    title: 'Labour migration',
    tags: ['migration', 'IOM', 'remittances'],
    words: ['migrant workers', 'remittances', 'entry bans', 'work permits', 'returnees', 'recruitment agencies', 'pre-departure training', 'consular support', 'Russian Federation', 'Kazakhstan', 'diaspora', 'reintegration'],
  },
  justice: {
    title: 'Rule of law and justice reform',
    tags: ['criminal justice', 'legal reform', 'prison reform', 'juvenile justice'],
    words: ['juvenile justice', 'prison reform', 'legal aid', 'electronic database', 'courts', 'prosecutors', 'probation', 'strategic plan', 'recommendations', 'universal periodic review', 'detention', 'training of judges'],
  },
  security: {
    title: 'Regional security',
    tags: ['security', 'radicalisation', 'CSTO'],
    words: ['radicalisation', 'foreign fighters', 'extremism', 'counter-terrorism', 'intelligence sharing', 'military exercises', 'arms control', 'peacekeeping', 'refugees', 'northern Afghanistan', 'insurgents', 'cyber security'],
  },
  education: {
    title: 'Education and youth',
    tags: ['education', 'youth', 'UNICEF'],
    words: ['schools', 'teachers', 'curriculum', 'scholarships', 'universities', 'vocational training', 'girls education', 'textbooks', 'enrolment', 'youth employment', 'exchange programmes', 'literacy'],
  },
  elections: {
    title: 'Elections and governance',
    tags: ['elections', 'governance', 'ODIHR'],
    words: ['parliamentary elections', 'observers', 'voter lists', 'campaign', 'political parties', 'media freedom', 'civil society', 'local government', 'anti-corruption', 'ombudsman', 'constitutional amendments', 'turnout'],
  },
  agriculture: {
    title: 'Agriculture and food security',
    tags: ['agriculture', 'food security', 'WFP'],
    words: ['wheat', 'food prices', 'land reform', 'livestock', 'orchards', 'fertiliser', 'cotton debt', 'farmers', 'dehkan farms', 'irrigation', 'locusts', 'nutrition'],
  },
};
const TOPIC_KEYS = Object.keys(TOPICS);

const FIRST = [
  'Rustam', 'Ashita', 'Shahnoza', 'Jamshed', 'Farrukh', 'Dilnoza', 'Bakhtiyor', 'Gulnora', 'Sherali', 'Mavjuda', 'Zarina', 'Khurshed',
  'Anna', 'Pierre', 'Hélène', 'Jürgen', 'Łukasz', 'Søren', 'Ólafur', 'José', 'Zoë', 'François', 'Małgorzata', 'Ingrid', 'Mehmet', 'Ayşe',
  'Chen', 'Hiroshi', 'Priya', 'Kwame', 'Fatima', 'Omar', 'Elena', 'Dmitri', 'Nodira', 'Sitora', 'Umed', 'Parviz', 'Tahmina', 'Firuza',
];
const LAST = [
  'Nazarzoda', 'Mittal', 'Nodiri', 'Rahimov', 'Karimova', 'Saidov', 'Sharipov', 'Mirzoev', 'Qodirov', 'Yusufi', 'Davlatov', 'Boboev',
  'Müller', 'Dubois', 'Ólafsdóttir', 'Kowalczyk', 'Nørgaard', 'García', 'Öztürk', 'Šimić', 'Petrović', 'Lindqvist', 'Rossi', 'Novák',
  'Tanaka', 'Okafor', 'Haddad', 'Ivanova', 'Smirnov', 'Abdulloev', 'Hamidov', 'Zafari', 'Latifi', 'Sultonova', 'Ergashev', 'Bakirov',
];
const CYRILLIC_FIRST = ['Рустам', 'Шахноза', 'Джамшед', 'Фаррух', 'Дилноза', 'Бахтиёр', 'Гульнора', 'Шерали', 'Зарина', 'Хуршед'];
const CYRILLIC_LAST = ['Назарзода', 'Нодири', 'Рахимов', 'Каримова', 'Саидов', 'Шарипов', 'Мирзоев', 'Кодиров', 'Юсуфи', 'Давлатов'];
const TITLES = ['Director', 'Deputy Minister', 'Head of Department', 'Ambassador', 'Regional Representative', 'Programme Officer', 'Counsellor', 'First Secretary', 'Chairman', 'Senior Adviser', 'Chief of Staff', 'Country Director'];
const COUNTRIES = ['Tajikistan', 'Afghanistan', 'Uzbekistan', 'Kyrgyzstan', 'Kazakhstan', 'Turkmenistan', 'Russian Federation', 'China', 'Germany', 'France', 'United Kingdom', 'United States', 'Japan', 'Turkey', 'Iran', 'Pakistan', 'India', 'Switzerland', 'Norway', 'Poland'];
const KNOWN_ORGS: [string, string][] = [
  ['United Nations Office on Drugs and Crime', 'UNODC'], ['Organization for Security and Co-operation in Europe', 'OSCE'], ['United Nations Development Programme', 'UNDP'],
  ['World Food Programme', 'WFP'], ["United Nations Children's Fund", 'UNICEF'], ['European Union Delegation', 'EU'], ['Drug Control Agency', 'DCA'],
  ['Ministry of Foreign Affairs', 'MFA'], ['Ministry of Justice', 'MoJ'], ['Aga Khan Development Network', 'AKDN'], ['World Health Organization', 'WHO'],
  ['International Organization for Migration', 'IOM'], ['Office of the UN High Commissioner for Refugees', 'UNHCR'], ['Asian Development Bank', 'ADB'],
  ['World Bank', 'WB'], ['Collective Security Treaty Organization', 'CSTO'], ['Shanghai Cooperation Organisation', 'SCO'], ['Office for Democratic Institutions and Human Rights', 'ODIHR'],
];
const ORG_KINDS = ['Ministry of', 'State Committee on', 'Agency for', 'Centre for', 'Institute of', 'Association for', 'Foundation for', 'Council on', 'Service for', 'Office of', 'Commission on', 'Network on'];
const CITIES = ['Dushanbe', 'Khujand', 'Kulob', 'Khorog', 'Bokhtar', 'Istaravshan', 'Tashkent', 'Bishkek', 'Almaty', 'Ashgabat', 'Kabul', 'Moscow'];
const VENUES = ['Ministry of Foreign Affairs', 'UN House', 'Hotel Serena', 'Embassy residence', 'Presidential Palace', 'OSCE Programme Office', 'Parliament', 'Ministry of Justice'];
const AUDIENCES = ['Heads of diplomatic missions', 'Heads of mission and international organisations', 'Donor coordination group', 'EU Heads of Mission', 'Political counsellors', 'Development partners', 'Defence attachés'];
const OWNERS = ['Political Officer', 'Head of Mission', 'Deputy Head of Mission', 'Development Counsellor', 'Consul', 'Defence Attaché', 'Economic Officer', 'Press Officer', 'Trade Attaché', 'Migration Liaison Officer'];
const VERBS = ['reported that', 'stressed that', 'noted that', 'informed participants that', 'recalled that', 'confirmed that', 'warned that', 'explained that', 'underlined that'];
const FRAMES = [
  (w: string, n: number, y: number) => `${w} increased by ${n} % in ${y} compared with the previous year`,
  (w: string, n: number, y: number) => `more than ${n * 10} cases related to ${w} were recorded in ${y}`,
  (w: string, n: number) => `the government allocated ${n} million somoni to ${w}`,
  (w: string) => `cooperation on ${w} remains a priority for the government`,
  (w: string, n: number) => `${n} regional offices now work on ${w}`,
  (w: string) => `donor support is needed for ${w} and for the related training`,
  (w: string, _n: number, y: number) => `a national strategy on ${w} for ${y}–${y + 5} is being drafted`,
  (w: string) => `partners should align their programmes on ${w} with the national priorities`,
  (w: string, n: number) => `about ${n} % of the funding for ${w} comes from international partners`,
  (w: string) => `a working group on ${w} will report to the next coordination meeting`,
];
const REQUESTS = ['asked partners to support', 'requested equipment for', 'proposed joint research on', 'invited missions to a conference on', 'announced a new programme on'];

/** A UUIDv7-shaped id from a time and the generator: deterministic and time-ordered like the app's ids. */
function idAt(ms: number, r: ReturnType<typeof seeded>): string {
  const hex = (n: number, len: number) => Math.floor(n).toString(16).padStart(len, '0').slice(-len);
  const t = hex(ms, 12);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(r.int(0x1000), 3)}-${(8 + r.int(4)).toString(16)}${hex(r.int(0x1000), 3)}-${hex(r.int(0x1000000), 6)}${hex(r.int(0x1000000), 6)}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function syntheticWorkspace(counts: Counts = FULL_COUNTS, seed = 20150317): SyntheticWorkspace {
  const r = seeded(seed);
  const node = 'benchworkspace';
  let wall = Date.UTC(2024, 0, 1);
  const clock = () => formatHlc(++wall, 0, node);
  const newId = () => idAt(wall + 1, r);

  const organisations: Organisation[] = [];
  for (let i = 0; i < counts.organisations; i++) {
    const known = KNOWN_ORGS[i];
    const topic = TOPICS[r.pick(TOPIC_KEYS)]!;
    const country = r.pick(COUNTRIES);
    const kind = r.pick(ORG_KINDS);
    const name = known ? known[0] : `${kind} ${capitalise(r.pick(topic.words))}, ${country}`;
    const acronym = known ? known[1] : `${name.split(/[\s,]+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('')}${i}`;
    organisations.push(createRecord('organisations', newId(), { ...V2_FIELDS.organisations(), name, acronym, country: known ? '' : country }, clock()));
  }

  const people: Person[] = [];
  for (let i = 0; i < counts.people; i++) {
    const cyrillic = r.next() < 0.1;
    const name = cyrillic ? `${r.pick(CYRILLIC_FIRST)} ${r.pick(CYRILLIC_LAST)}` : `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const org = r.next() < 0.9 ? r.skewed(organisations) : undefined;
    people.push(createRecord('people', newId(), { ...V2_FIELDS.people(), name, title: r.pick(TITLES), organisationId: org?.id ?? null, country: r.pick(COUNTRIES) }, clock()));
  }

  const sentence = (topic: { words: string[] }, speaker?: Person) => {
    const w = r.skewed(topic.words);
    const subject = speaker ? 'The speaker' : r.pick(['The minister', 'The representative', 'The chair', 'The delegation']);
    return `${subject} ${r.pick(VERBS)} ${r.pick(FRAMES)(w, 3 + r.int(95), 2010 + r.int(15))}.`;
  };

  const briefings: Briefing[] = [];
  const briefingTopics: string[] = [];
  const start = Date.UTC(2010, 0, 4);
  for (let i = 0; i < counts.briefings; i++) {
    const key = r.pick(TOPIC_KEYS);
    const topic = TOPICS[key]!;
    const day = new Date(start + Math.floor((i / counts.briefings) * 15 * 365) * 86_400_000);
    const startsAt = `${day.toISOString().slice(0, 10)}T${String(8 + r.int(9)).padStart(2, '0')}:${r.pick(['00', '15', '30', '45'])}`;
    const summary = [
      sentence(topic),
      `**Key points:**\n- ${capitalise(r.skewed(topic.words))}\n- ${capitalise(r.skewed(topic.words))}\n- ${capitalise(r.pick(topic.words))}`,
      `${sentence(topic)} ${sentence(topic)}`,
    ].join('\n\n');
    briefings.push(
      createRecord('briefings', newId(), { ...V2_FIELDS.briefings(),
        title: `${topic.title}: ${r.pick(topic.words)} (${r.pick(CITIES)})`,
        startsAt,
        location: `${r.pick(VENUES)}, ${r.pick(CITIES)}`,
        format: r.pick(BRIEFING_FORMATS),
        organiserIds: r.some(organisations.slice(0, 40), 1, 2).map((o) => o.id),
        audience: r.pick(AUDIENCES),
        classification: r.next() < 0.8 ? 'unclassified' : r.pick(['restricted', 'confidential']),
        caveat: '',
        tags: r.some(topic.tags, 1, 3),
        summary,
      }, clock()),
    );
    briefingTopics.push(key);
  }

  const perBriefing = Math.ceil(counts.statements / Math.max(1, counts.briefings));
  const orders = generateNKeysBetween(null, null, perBriefing);
  const statements: Statement[] = [];
  const speakersOf: Person[][] = briefings.map(() => Array.from({ length: 2 + r.int(3) }, () => r.pick(people)));
  for (let i = 0; i < counts.statements; i++) {
    const b = Math.floor(i / perBriefing) % briefings.length;
    const topic = TOPICS[briefingTopics[b]!]!;
    const speaker = r.pick(speakersOf[b]!);
    const kind = r.skewed(STATEMENT_KINDS);
    const parts = [sentence(topic, speaker)];
    if (r.next() < 0.6) parts.push(sentence(topic, speaker));
    if (kind === 'request' || kind === 'proposal') parts.push(`${capitalise(r.pick(REQUESTS))} ${r.pick(topic.words)}.`);
    statements.push(
      createRecord('statements', newId(), {
        briefingId: briefings[b]!.id,
        speakerId: r.next() < 0.97 ? speaker.id : null,
        kind,
        text: parts.join(' '),
        tags: r.next() < 0.4 ? r.some(topic.tags, 1, 2) : [],
        order: orders[i % perBriefing]!,
      }, clock()),
    );
  }

  const actions: Action[] = [];
  for (let i = 0; i < counts.actions; i++) {
    const b = i % briefings.length;
    const briefing = briefings[b]!;
    const topic = TOPICS[briefingTopics[b]!]!;
    const event = r.next() < 0.2;
    const due = new Date(Date.parse(briefing.startsAt.slice(0, 10)) + (r.int(90) - 10) * 86_400_000).toISOString().slice(0, 10);
    const source = statements[b * perBriefing + r.int(perBriefing)];
    const w = r.pick(topic.words);
    actions.push(
      createRecord('actions', newId(), { ...V2_FIELDS.actions(),
        kind: event ? 'event' : 'task',
        briefingId: briefing.id,
        statementId: source && source.briefingId === briefing.id ? source.id : null,
        title: event ? `Conference on ${w}` : `${r.pick(['Report to capital on', 'Seek instructions on', 'Follow up with partners on', 'Prepare a note on', 'Raise at the donor meeting:'])} ${w}`,
        owner: r.pick(OWNERS),
        due: r.next() < 0.9 ? due : '',
        place: event ? r.pick(CITIES) : '',
        status: r.skewed(ACTION_STATUSES),
        priority: r.pick(PRIORITIES),
        notes: r.next() < 0.5 ? sentence(topic) : '',
        tags: r.some(topic.tags, 0, 2),
      }, clock()),
    );
  }

  return { organisations, people, briefings, statements, actions };
}
