import type { Story } from '../types.ts';
import { h2, list, p, quote } from './blocks.ts';

const MINE_JOBS =
  'The company said the expansion would create about 120 jobs during construction and 45 permanent roles once the extended quarry was operating.';

/** Taken down at step 3 and restored, unchanged, at step 6. */
export const mine: Story = {
  id: 'quarry-expansion',
  section: 'business',
  path: '/news/business/drummond-minerals-carrick-hill-quarry',
  headline: 'Drummond Minerals plans to expand Carrick Hill quarry',
  summary: 'Residents fear dust and lorry traffic; the company promises jobs.',
  byline: 'Owen Farrelly, Business Reporter',
  publishedMinutesAgo: 180,
  blocks: [
    p(
      'Drummond Minerals has applied for permission to extend its limestone quarry at Carrick Hill by 40 hectares, a move it says would secure the site’s future for another 25 years.',
    ),
    p(MINE_JOBS),
    p(
      'Residents of nearby Abbotsley have formed a campaign group to oppose the plans, citing dust, noise and an expected increase in heavy lorries on the village’s narrow roads.',
    ),
    h2('Consultation'),
    p(
      'The county planning authority has opened a six-week consultation and will hold a public meeting at Abbotsley village hall next month.',
    ),
    p('Drummond Minerals reported revenue of $212m last year, up 8 per cent, helped by demand from housebuilders and road projects.'),
    p('A decision on the application is expected in the spring.'),
  ],
  edits: [
    {
      step: 1,
      kind: 'reworded',
      before: MINE_JOBS,
      after:
        'The company said the expansion would create around 120 construction jobs and 45 permanent posts once the extended quarry was running.',
    },
    { step: 3, kind: 'takedown' },
    { step: 6, kind: 'restore' },
  ],
};

const STRIKE_A =
  'The union said 1,200 cabin crew members would walk out for 48 hours from Friday unless the airline improved its pay offer.';

/** Flip-flops forever between two wordings of one paragraph. */
export const airline: Story = {
  id: 'airline-strike',
  section: 'business',
  path: '/news/business/kestrel-air-cabin-crew-strike',
  headline: 'Kestrel Air cabin crew to strike over holiday weekend',
  summary: 'Thousands of passengers face disruption as talks on pay break down.',
  byline: 'Owen Farrelly, Business Reporter',
  publishedMinutesAgo: 45,
  blocks: [
    p(
      'Cabin crew at Kestrel Air will strike over the holiday weekend after talks between the airline and the Aviation Workers’ Union broke down on Tuesday night.',
    ),
    p(STRIKE_A),
    p(
      'Kestrel Air, which operates 140 flights a day from its base at Lonsdale airport, said it would publish a revised timetable on Thursday.',
    ),
    p(
      'The airline has offered a 4 per cent pay rise this year. The union is seeking 7 per cent, arguing that crew wages have fallen behind inflation since 2022.',
    ),
    quote(
      '“Nobody wants to strike, but our members cannot keep absorbing cuts in their living standards,” said union negotiator Bernadette Oyelaran.',
    ),
    p('Passengers whose flights are cancelled will be offered a refund or a seat on another flight, the airline said.'),
    p('The last strike at Kestrel Air, in 2023, led to the cancellation of more than 600 flights over three days.'),
    p('Talks are due to resume on Wednesday under the supervision of an independent mediator.'),
  ],
  flip: {
    a: STRIKE_A,
    b: 'The union said about 1,200 cabin crew would stage a 48-hour walkout from Friday unless the airline made a better pay offer.',
  },
};

const BANK_INFLATION =
  'Figures published last week showed that inflation fell to 2.8 per cent in October, its lowest level for three years.';
const BANK_FIRST =
  'The Bank of Linden kept its main interest rate at 3.5 per cent on Thursday, saying it wanted more evidence that price rises were slowing before cutting borrowing costs.';
const BANK_CROWN = 'The Linden crown rose slightly against the dollar after the announcement.';

/** Cached page (stable ETag) that does change once. */
export const bank: Story = {
  id: 'rates-hold',
  section: 'business',
  path: '/news/business/linden-central-bank-holds-rates',
  headline: 'Linden central bank holds interest rate at 3.5%',
  summary: 'Policymakers voted six to three to keep borrowing costs unchanged.',
  byline: 'Sunita Marchetti, Economics Editor',
  publishedMinutesAgo: 220,
  caching: 'stable',
  blocks: [
    p(BANK_FIRST),
    p(
      'The monetary policy committee voted six to three to hold rates, with the three dissenting members preferring a cut of a quarter of a percentage point.',
    ),
    p(BANK_INFLATION),
    h2('Mortgage holders'),
    p(
      'About 1.1 million households have fixed-rate mortgage deals due to end next year, and many face higher monthly payments when they refinance.',
    ),
    list('Base rate: 3.5 per cent (unchanged)', 'Vote: six to three', 'Next decision: 18 December'),
    p('Governor Elias Fairbrother said the committee would “look carefully” at wage figures due in December.'),
    p(BANK_CROWN),
  ],
  edits: [
    { step: 4, kind: 'number', before: BANK_INFLATION, after: BANK_INFLATION.replace('2.8 per cent', '2.6 per cent') },
    // Moved up and edited in the same step: a move + edit.
    {
      step: 4,
      kind: 'moved',
      before: BANK_CROWN,
      after: 'The Linden crown rose sharply against the dollar and the euro after the announcement.',
      anchor: BANK_FIRST,
    },
  ],
};

export const BUSINESS_STORIES: Story[] = [mine, airline, bank];
