// Demo workspace content: a fictional moving company, written for this product so a new user
// sees a working, grounded bot the moment the app starts. Not real policies of anyone.

export const DEMO_TENANT = {
  name: 'Northwind Movers',
  slug: 'northwind-movers',
  publishableKey: 'pk_demo_northwind',
  siteUrl: 'http://localhost:3000',
  language: 'english',
  allowedOrigins: ['http://localhost:3000', 'http://localhost:3001', 'http://localhost:4000'],
  branding: {
    primaryColor: '#0f766e',
    accentColor: '#f59e0b',
    greeting: "Hi, I'm Maja from Northwind Movers. Planning a move? Ask me anything.",
    launcherText: 'Questions about your move?',
    position: 'bottom-right' as const,
    suggestedQuestions: [
      'How much does a two-bedroom move cost?',
      'Can I reschedule my moving day?',
      'Do you move pianos?',
    ],
  },
  persona: {
    assistantName: 'Maja',
    tone: 'warm, practical and brief; uses the customer’s first name when known',
    instructions:
      'Help customers plan and book moves. Offer a human for anything about damage claims.',
    refusedTopics: ['legal advice', 'competitor pricing'],
  },
};

export const DEMO_FAQ: { question: string; answer: string }[] = [
  {
    question: 'How much does a move cost?',
    answer:
      'Local moves are billed by the hour: 2 movers and a truck cost $129 per hour, 3 movers $169 per hour, with a 3-hour minimum. A typical two-bedroom apartment takes 5 to 7 hours. Long-distance moves get a fixed quote after a free video survey.',
  },
  {
    question: 'Can I reschedule or cancel my move?',
    answer:
      'Yes. Rescheduling is free up to 7 days before moving day. Cancelling more than 7 days ahead refunds the full deposit; within 7 days the $100 deposit is kept; within 48 hours 50% of the estimated cost is charged.',
  },
  {
    question: 'Do you move pianos and other heavy items?',
    answer:
      'Yes. Upright pianos are $250 and grand pianos $450 within the city, including straps, a piano board and two trained movers. Gun safes over 300 kg need a site visit first.',
  },
  {
    question: 'Are my belongings insured during the move?',
    answer:
      'Every move includes basic liability of $0.60 per pound per item. Full-value protection costs 1% of the declared value of your goods and covers repair or replacement at current market value.',
  },
  {
    question: 'Do you sell boxes and packing materials?',
    answer:
      'Yes. A packing kit for a one-bedroom home (30 boxes, tape, paper and 2 wardrobe boxes) is $89, delivered free with any booking. Unused, undamaged boxes can be returned within 30 days for a full refund.',
  },
  {
    question: 'Which areas do you serve?',
    answer:
      'We do local moves across the Northwind metro area and long-distance moves to anywhere in the country. International moves are handled with our partner and need a survey first.',
  },
  {
    question: 'Can you store my things between homes?',
    answer:
      'Yes. Climate-controlled storage costs $149 per month per storage vault (about one room). The first month is half price when booked together with a move.',
  },
  {
    question: 'How do I pay?',
    answer:
      'A $100 deposit secures your date. The balance is paid by card or bank transfer on moving day, after the last item is placed. We do not accept cash.',
  },
  {
    question: 'What items will you not move?',
    answer:
      'We do not move hazardous materials (gas cylinders, paint thinner, fuel, ammunition), perishable food, plants on long-distance moves, or live animals.',
  },
  {
    question: 'How do I book a move?',
    answer:
      'Book online or ask for a free quote in this chat. For moves over 3 rooms we recommend a free 15-minute video survey so the quote is exact.',
  },
];

export const DEMO_POLICY_TITLE = 'Northwind Movers — Terms of Service and Damage Policy';

/** Markdown, one section per `##` heading; each section becomes one citable passage. */
export const DEMO_POLICY_MARKDOWN = `# Northwind Movers — Terms of Service and Damage Policy

## 1. Booking and deposit
A booking is confirmed when the $100 deposit is paid. The deposit is deducted from the final invoice. Quotes are valid for 30 days.

## 2. Moving day
The crew arrives within a 2-hour arrival window agreed at booking. The customer or a named representative must be present at the start and the end of the move to sign the inventory. Billed time starts when the crew arrives and ends when the last item is placed, plus a fixed 30-minute travel charge.

## 3. Preparing for the move
Drawers must be emptied of fragile and valuable items. Appliances must be disconnected and defrosted 24 hours before moving day. Jewellery, cash, passports and important documents travel with the customer, not on our truck.

## 4. Damage claims
Damage must be reported within 14 days of delivery, in writing, with photos. We answer every claim within 10 business days. Items packed by the customer are covered only for visible external damage to the box. Claims are settled by repair, replacement or payment at the protection level chosen at booking.

## 5. Delays and access
If parking or building access is not arranged and the crew must wait, waiting time is billed at the hourly rate. Carrying distances over 25 metres from the truck, or stairs beyond the third floor without a lift, cost $40 extra per 10 metres or per floor.

## 6. Privacy
We store your name, addresses, phone number and inventory only to perform the move and for 12 months afterwards for claims. You can ask for a copy of your data or its deletion at any time.
`;
