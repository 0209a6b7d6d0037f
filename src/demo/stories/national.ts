import type { Story } from '../types.ts';
import { h2, list, p, quote } from './blocks.ts';

const FERRY_INJURED =
  'A passenger ferry carrying 214 people ran aground off the coast of Port Calder early on Thursday, and 12 people were taken to hospital with minor injuries, the coastguard said.';
const FERRY_LAST =
  'Services between Port Calder and Ennis Vale have been suspended until at least Saturday. Passengers with bookings have been told they can travel on later sailings or claim a refund.';

export const ferry: Story = {
  id: 'ferry-aground',
  section: 'national',
  path: '/news/national/ferry-runs-aground-off-port-calder',
  headline: 'Ferry runs aground off Port Calder in heavy fog',
  summary: 'Lifeboats brought more than 200 passengers ashore after the MV Saltmarsh Star struck a sandbank.',
  byline: 'Marta Lindqvist, Transport Correspondent',
  publishedMinutesAgo: 95,
  blocks: [
    p(FERRY_INJURED),
    p(
      'The MV Saltmarsh Star, operated by Northway Ferries, struck a sandbank about two nautical miles from the harbour entrance shortly after 6am while sailing from the island of Ennis Vale.',
    ),
    p(
      'Lifeboats from Port Calder and neighbouring Grennock were launched within minutes, and all passengers had been brought ashore by mid-morning, according to the regional coastguard.',
    ),
    h2('Fog and a falling tide'),
    p(
      'Visibility in the estuary had dropped to less than 100 metres overnight, and forecasters had issued a fog warning for the coast on Wednesday evening.',
    ),
    quote(
      '“We heard a long scraping sound and then everything on the tables slid to the floor,” said passenger Aileen Morrow, 54, who was travelling with her two grandchildren.',
    ),
    p(
      'Northway Ferries said in a statement that it was cooperating fully with investigators and that the crew had followed established procedures.',
    ),
    p(
      'The Marine Accident Investigation Branch said it had sent a team of three inspectors to the scene and would examine the ship’s navigation records.',
    ),
    p(FERRY_LAST),
  ],
  edits: [
    { step: 2, kind: 'number', before: FERRY_INJURED, after: FERRY_INJURED.replace('12 people', '15 people') },
    {
      step: 5,
      kind: 'added',
      anchor: null,
      after:
        'Update: Northway Ferries said on Thursday afternoon that the Saltmarsh Star had been refloated on the evening tide and towed back to Port Calder harbour.',
    },
  ],
};

const COUNCIL_QUINT =
  'Council leader Dorothea Quint said the choices had been "painful but unavoidable" after the regional government reduced its grant to the city for a third consecutive year.';

export const council: Story = {
  id: 'council-budget',
  section: 'politics',
  path: '/news/politics/valmora-council-approves-budget',
  headline: 'Valmora council approves budget with cuts to library hours',
  summary: 'Four of the city’s nine libraries will open for fewer hours to pay for road repairs.',
  byline: 'Tomasz Reilly, Local Democracy Reporter',
  publishedMinutesAgo: 140,
  blocks: [
    p(
      'Valmora city council approved its budget for next year late on Wednesday, agreeing to cut opening hours at four of the city’s nine public libraries in order to fund road repairs.',
    ),
    p(
      'The budget passed by 23 votes to 19 after a debate that lasted more than six hours and was interrupted twice by protesters in the public gallery.',
    ),
    p(COUNCIL_QUINT),
    h2('What the budget includes'),
    list(
      '$4.2m for resurfacing roads in the northern districts',
      'A 10 per cent rise in city-centre parking charges',
      'Reduced opening hours at four libraries from April',
      'A freeze on new posts in the planning department',
    ),
    p(
      'Opposition councillor Ravi Entwistle said the library cuts would fall hardest on students and older residents who rely on free internet access.',
    ),
    p('Library opening hours will be reduced from April, but the council said no branches would close and no staff would lose their jobs.'),
    p(
      'Traders’ groups had opposed the rise in parking charges, arguing that it would drive shoppers to the out-of-town retail park at Fenwick Cross.',
    ),
    p('A final review of the spending plans is expected at the council’s meeting in February.'),
  ],
  edits: [
    {
      step: 1,
      kind: 'headline',
      before: 'Valmora council approves budget with cuts to library hours',
      after: 'Valmora council approves budget after late-night vote',
    },
    {
      step: 4,
      kind: 'reworded',
      before: COUNCIL_QUINT,
      after:
        'Council leader Dorothea Quint said the choices had been "difficult but necessary" after the regional government cut its grant to the city for the third year in a row.',
    },
  ],
};

const WATER_MP =
  'Local MP Graham Ostrowski said residents deserved a clearer explanation of how long the notice would last and why the problem had not been detected sooner.';
const WATER_INSPECTORATE = 'The Drinking Water Inspectorate said it had been informed and was monitoring the situation.';
const WATER_NO_ILLNESS = 'Ridgeway Water said the notice was a precaution and that there was no evidence that anyone had become ill.';

export const water: Story = {
  id: 'boil-water',
  section: 'health',
  path: '/news/health/hensley-residents-told-to-boil-water',
  headline: 'Residents of Hensley told to boil tap water after contamination found',
  summary: 'About 40,000 households are affected by a precautionary notice from Ridgeway Water.',
  byline: 'Priya Calloway',
  publishedMinutesAgo: 60,
  blocks: [
    p(
      'About 40,000 households in Hensley and surrounding villages have been told to boil their tap water before drinking it, after routine tests found traces of bacteria at a treatment works.',
    ),
    p(WATER_NO_ILLNESS),
    p(
      'Samples taken on Tuesday at the Millbrook treatment works showed low levels of coliform bacteria, the company said. Further tests are being carried out at an independent laboratory.',
    ),
    h2('What residents should do'),
    list(
      'Boil water and let it cool before drinking it or using it to brush teeth',
      'Water does not need to be boiled for washing, bathing or flushing toilets',
      'Bottled water is being handed out at Hensley leisure centre and at St Anne’s church hall',
    ),
    p(
      'Schools in the area will stay open, but several cafes and restaurants closed on Wednesday morning while they made other arrangements.',
    ),
    p(WATER_MP),
    p('The company said it expected to lift the notice within 48 hours if the follow-up tests were clear.'),
    p(WATER_INSPECTORATE),
    p('Customers with questions have been asked to call the company’s helpline rather than visit its offices.'),
  ],
  edits: [
    { step: 3, kind: 'removed', before: WATER_MP },
    { step: 6, kind: 'moved', before: WATER_INSPECTORATE, after: WATER_INSPECTORATE, anchor: WATER_NO_ILLNESS },
  ],
};

const LIBRARY_FIRST =
  'The Orchard Street library in Marlow Heath reopened to the public on Saturday after a two-year restoration that cost $6.8m and uncovered a Victorian reading room hidden behind a false ceiling.';

/** Never changes; served as a cached page so a re-check gets a 304. */
export const library: Story = {
  id: 'library-reopens',
  section: 'local',
  path: '/news/local/orchard-street-library-reopens',
  headline: 'Orchard Street library reopens after two-year restoration',
  summary: 'A hidden Victorian reading room is the centrepiece of the restored building.',
  byline: 'Helen Abara',
  publishedMinutesAgo: 300,
  caching: 'stable',
  blocks: [
    p(LIBRARY_FIRST),
    p(
      'Hundreds of people queued along Orchard Street before the doors opened at 9am, and the first visitors were greeted by a brass band from the local secondary school.',
    ),
    p(
      'Builders found the reading room in 2024 when they removed panels installed during a renovation in the 1960s. Its original oak shelves and a domed skylight have been restored.',
    ),
    quote('“It feels as if the building has been given back to the town,” said head librarian Colm Vasquez.'),
    p(
      'The library now has a children’s floor, a small recording studio and a room for local history archives, which were previously stored at the town hall.',
    ),
    p('It will open seven days a week, with late opening until 8pm on Thursdays.'),
  ],
};

export const NATIONAL_STORIES: Story[] = [ferry, council, water, library];
