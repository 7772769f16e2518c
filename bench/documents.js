// Generated documents the benchmarks send: plain-text declarations of about
// 3 KB, each with several commitments, unique per number.
const ACTORS = [
  'the Secretariat',
  'the Ministers of Transport',
  'the Council of Elders',
  'the Ministers of Energy',
];
const TOPICS = [
  'transport corridors',
  'digital trade',
  'water security',
  'customs procedures',
  'tourism routes',
];
/** A declaration of about 3 KB with a few commitments, unique per n. */
function declaration(n) {
  const parts = [
    `Astana, ${1 + (n % 28)} March 2025. Declaration number ${n} of the Council of Heads of State.`,
  ];
  for (let i = 0; parts.join(' ').length < 3000; i++) {
    const actor = ACTORS[(n + i) % ACTORS.length];
    const topic = TOPICS[(n * 7 + i) % TOPICS.length];
    parts.push(
      `The Heads of State instructed ${actor} to prepare a report on ${topic} by the end of ${2026 + (i % 3)}.`,
      `They noted with satisfaction the progress made in cooperation on ${topic} during the year under review, item ${n}.${i}.`,
      `The Parties agreed to establish a working group on ${topic} in ${2026 + (i % 2)}.`,
    );
  }
  return parts.join(' ');
}

module.exports = { declaration };
