import { english } from '../languages/en';
import { german } from '../languages/de';
import type { Candidate, LanguagePack, MeetingRef } from '../languages/language-pack';
import type { Clause } from './segment';
import { russian } from '../languages/ru';
import { turkish } from '../languages/tr';
import type {
  ExtractedCommitment,
  ExtractionInput,
  ExtractionResult,
  Extractor,
  LanguageCode,
} from '../types';
import { referenceDate, type ReferenceDate } from './dates';
import { evidenceWindow } from './evidence';
import { places } from './gazetteer';
import { detectLanguage } from './language-detect';
import { resolveActor, shownNames, type ResolvedActor } from './actors';
import { actorByKey, documentActors, type DocumentActors } from '@ct/actors';
import { clauses } from './segment';

export const PACKS: Record<LanguageCode, LanguagePack> = {
  en: english,
  tr: turkish,
  de: german,
  ru: russian,
};

interface Found {
  clause: Clause;
  candidate: Candidate;
  deadline: string | null;
  deadlineSource: 'explicit' | 'resolved' | 'none';
  rules: string[];
  dependsOn?: MeetingRef;
  /** Other mentions of the same meeting, whose places can name the host. */
  twins?: Found[];
}

/**
 * The default, offline extraction backend: per-language rules over clauses,
 * deadlines from a date grammar with a reference date, deadlines of "the next
 * Summit" resolved from the events the same document announces.
 */
export class RuleBasedExtractor implements Extractor {
  readonly name = 'rules';
  readonly version = '1.0.0';

  /**
   * `budgetMs`: the most time one document may take. Clauses left when it
   * is spent are not read (the result says `truncated`), so no input, however
   * long or pathological, holds a consumer for long.
   */
  constructor(private readonly budgetMs = 2000) {}

  extract(input: ExtractionInput): ExtractionResult {
    const text = input.text.normalize('NFC');
    const language = pickLanguage(input.language, text);
    const pack = PACKS[language];
    const ref = referenceDate(input.published, text);
    const found: Found[] = [];
    const deadline = performance.now() + this.budgetMs;
    let truncated = false;
    let previous: { clause: Clause; candidate: Candidate } | null = null;
    for (const clause of clauses(text, language)) {
      if (performance.now() > deadline || found.length >= MAX_COMMITMENTS) {
        truncated = true;
        break;
      }
      let candidates = pack.candidates(clause);
      // "…were asked to draft X; to staff Y; to fund Z": each part
      // after a semicolon that goes on with the same verb form is one more
      // task of the same kind for the same actor.
      const goesOn = pack.continuation?.exec(clause.text);
      if (candidates.length === 0 && goesOn && previous && previous.candidate.kind !== 'event') {
        const prev = previous.candidate;
        candidates = [
          {
            ...prev,
            trigger: { start: 0, end: goesOn[0].length },
            scope: { start: 0, end: clause.text.length },
            actor: prev.actor ?? previous.clause.governing,
            action: clause.text,
            rule: `${prev.rule}.continued`,
          },
        ];
      }
      if (candidates.length > 0)
        previous = { clause, candidate: candidates[candidates.length - 1] };
      // Only a clause that ends on a semicolon hands its task on.
      if (!/;\s*$/u.test(clause.text)) previous = null;
      for (const candidate of candidates) {
        const dated = this.deadlineOf(pack, clause, candidate, ref);
        if (candidate.kind === 'event' && !this.isFutureEvent(candidate, dated.deadline, ref))
          continue;
        found.push({ clause, candidate, ...dated, rules: [candidate.rule, ...dated.rules] });
      }
    }
    this.resolveFromEvents(pack, found);
    // The document's parties and organisation, read once and only if something is found.
    const kept = dedupe(found);
    const parties = kept.length > 0 ? documentActors(text) : null;
    const commitments = kept.map((f) => this.toCommitment(text, f, parties!, language));
    return {
      language,
      commitments,
      engine: { name: this.name, version: this.version },
      ...(truncated ? { truncated } : {}),
    };
  }

  private deadlineOf(pack: LanguagePack, clause: Clause, c: Candidate, ref: ReferenceDate) {
    let scopeText = clause.text.slice(c.scope.start, c.scope.end);
    const triggerEnd = c.trigger.end - c.scope.start;
    const embedded =
      c.kind === 'event' ? -1 : (pack.embedded?.exec(scopeText.slice(triggerEnd))?.index ?? -1);
    if (embedded >= 0) scopeText = scopeText.slice(0, triggerEnd + embedded);
    const hits = pack.dates(scopeText, ref);
    // Prefer the first expression after the trigger; else the nearest before it.
    const triggerAt = c.trigger.start - c.scope.start;
    // Before it, the most precise one ("3 Mart'ta bu yılki toplantının …": the day, not the year).
    const earlier = hits.filter((h) => h.start < triggerAt && h.value !== null);
    const hit =
      hits.find((h) => h.start >= triggerAt) ??
      earlier.reduce<(typeof hits)[number] | undefined>(
        (best, h) => (!best || (h.value?.length ?? 0) >= (best.value?.length ?? 0) ? h : best),
        undefined,
      ) ??
      [...hits].reverse().find((h) => h.start < triggerAt);
    // A date that dates a thing ("the agreement dated October 2004", "vom
    // 3. Mai", "от 12 мая", "12 Mayıs tarihli") is not the task's deadline.
    const dating =
      hit &&
      c.kind !== 'event' &&
      DATING.test(scopeText.slice(Math.max(0, hit.start - 14), hit.start));
    if (!hit || hit.value === null || dating) {
      return {
        deadline: null,
        deadlineSource: 'none' as const,
        rules: hit ? [`date.${hit.rule}`] : [],
      };
    }
    return {
      deadline: hit.value,
      deadlineSource: 'explicit' as const,
      rules: [`date.${hit.rule}`],
    };
  }

  /** An event is kept only if it lies ahead: a past date, or a weak trigger without a date, drops it. */
  private isFutureEvent(c: Candidate, deadline: string | null, ref: ReferenceDate): boolean {
    if (deadline && ref.known) {
      const refIso = isoOf(ref);
      if (deadline.length === 10 ? deadline < refIso : deadline < refIso.slice(0, deadline.length))
        return false;
    }
    return !c.needsFutureDate || deadline !== null;
  }

  /** "…for adoption at the next Summit in Bishkek": take the date of the matching announced event. */
  private resolveFromEvents(pack: LanguagePack, found: Found[]): void {
    // Soonest first: "the next Summit" without a place is the first one ahead.
    const events = found
      .filter((f) => f.candidate.kind === 'event' && f.deadline && f.candidate.meeting)
      .sort((a, b) => (a.deadline! < b.deadline! ? -1 : 1));
    for (const f of found) {
      if (f.deadline || f.candidate.kind === 'event') continue;
      const scopeText = f.clause.text.slice(f.candidate.scope.start, f.candidate.scope.end);
      for (const mention of pack.meetingMentions(scopeText)) {
        const target = events.find((e) => sameMeeting(e.candidate.meeting!, mention));
        if (target) {
          f.deadline = target.deadline;
          f.deadlineSource = 'resolved';
          f.dependsOn = target.candidate.meeting;
          f.rules.push('date.resolved-from-event');
          break;
        }
      }
    }
  }

  private toCommitment(
    text: string,
    f: Found,
    parties: DocumentActors,
    language: LanguageCode,
  ): ExtractedCommitment {
    const { clause, candidate: c } = f;
    const evidence = evidenceWindow(text, clause, c);
    const actor = this.actorOf(f, parties, language);
    return {
      kind: c.kind,
      actor: actor.display,
      actorKeys: actor.keys,
      action: c.action || evidence.text,
      evidence,
      deadline: f.deadline,
      deadlineSource: f.deadlineSource,
      confidence: c.confidence,
      meeting: c.kind === 'event' && c.meeting ? canonicalMeeting(c.meeting) : null,
      dependsOn: f.dependsOn ? canonicalMeeting(f.dependsOn) : null,
      rules: f.rules,
    };
  }

  private actorOf(f: Found, parties: DocumentActors, language: LanguageCode): ResolvedActor {
    const { clause, candidate: c } = f;
    const raw = c.actor ?? clause.governing;
    if (c.kind !== 'event') return resolveActor(raw, parties, language);
    // A visit's actor is the visitor, not the state visited.
    if (c.meeting?.noun === 'visit' && c.actor) return resolveActor(c.actor, parties, language);
    // The host. With a hosting verb ("will host", "ev sahipliği yapacak",
    // "werden … organisieren"), the states named before it: its subject.
    // Otherwise the state of the city where it is held ("talks of the
    // presidents of X and Y in St Petersburg" are hosted by Russia), else the
    // state named nearest before the trigger, else the first named.
    const scopeText = clause.text.slice(c.scope.start, c.scope.end);
    const triggerAt = c.trigger.start - c.scope.start;
    const triggerText = clause.text.slice(c.trigger.start, c.trigger.end);
    let hits = places(scopeText).filter((h) => actorByKey(h.countryKey)?.kind === 'state');
    // The mention kept names no place: the headline or another mention may (a headline "В Казани пройдёт форум" before a dated body).
    for (const t of f.twins ?? []) {
      if (hits.length > 0) break;
      const twinText = t.clause.text.slice(t.candidate.scope.start, t.candidate.scope.end);
      hits = places(twinText)
        .filter((h) => actorByKey(h.countryKey)?.kind === 'state')
        .map((h) => ({ ...h, start: Infinity, end: Infinity }));
    }
    const before = hits.filter((h) => h.end <= triggerAt && !h.city);
    let host: string[] = [];
    if (HOSTING.test(triggerText) && before.length > 0) {
      // The subject right before the verb: "France and Germany will organise".
      const subject = before.filter((h) => !/[.;:]/u.test(scopeText.slice(h.end, triggerAt)));
      host = [
        ...new Set((subject.length > 0 ? subject : before.slice(-1)).map((h) => h.countryKey)),
      ];
    } else {
      const city = hits.find((h) => h.city && h.start >= triggerAt) ?? hits.find((h) => h.city);
      const pick = city ?? before[before.length - 1] ?? hits[0];
      if (pick) host = [pick.countryKey];
    }
    if (host.length > 0) {
      return { display: shownNames(host, language), keys: host };
    }
    return resolveActor(raw, parties, language);
  }
}

/** Words that make the date after them the date of a document or an act, in each language. */
const DATING = /(?:\bdated|\bsigned\s+(?:on|in)|\badopted\s+(?:on|in)|\bvom|(?<![\p{L}])от)\s+$/iu;

/** Triggers whose subject is the host. */
const HOSTING =
  /host|\bhold\b|ev\s+sahipli|ausricht|gastgeber|организ|у\s+себя|organi[sz]|organisier/iu;

const isoOf = (ref: ReferenceDate) =>
  `${ref.year}-${String(ref.month).padStart(2, '0')}-${String(ref.day).padStart(2, '0')}`;

/** The meeting with its place under the gazetteer's name, so mentions in any language compare. */
function canonicalMeeting(m: MeetingRef): MeetingRef {
  const place = m.place ? (places(m.place)[0]?.name ?? m.place) : null;
  return { noun: m.noun, ordinal: m.ordinal, place };
}

function pickLanguage(given: string | null | undefined, text: string): LanguageCode {
  const code = given?.toLowerCase().slice(0, 2);
  return code && code in PACKS ? (code as LanguageCode) : detectLanguage(text);
}

function sameMeeting(event: MeetingRef, mention: MeetingRef): boolean {
  if (event.noun !== mention.noun) return false;
  if (mention.place) {
    return (
      !!event.place &&
      event.place.toLowerCase().slice(0, 5) === mention.place.toLowerCase().slice(0, 5)
    );
  }
  return true;
}

/**
 * The most commitments one document yields. Declarations hold tens; a text
 * repeating one sentence tens of thousands of times would otherwise spend
 * seconds after the time budget in the steps that compare findings with each
 * other (39 s for 1 MB of one repeated sentence).
 */
export const MAX_COMMITMENTS = 1000;

/** One future meeting mentioned several times is one item, at its most specific mention. */
function dedupe(found: Found[]): Found[] {
  const out: Found[] = [];
  for (const f of found) {
    const m = f.candidate.meeting;
    if (f.candidate.kind === 'event' && m) {
      const twin = out.findIndex(
        (o) =>
          o.candidate.kind === 'event' &&
          o.candidate.meeting &&
          o.candidate.meeting.noun === m.noun &&
          ((m.ordinal !== null && o.candidate.meeting.ordinal === m.ordinal) ||
            (f.deadline !== null &&
              o.deadline === f.deadline &&
              (o.candidate.meeting.place === m.place || !o.candidate.meeting.place || !m.place))),
      );
      if (twin >= 0) {
        const [keep, drop] =
          specificity(f) > specificity(out[twin]) ? [f, out[twin]] : [out[twin], f];
        keep.twins = [...(keep.twins ?? []), drop, ...(drop.twins ?? [])];
        out[twin] = keep;
        continue;
      }
    }
    if (
      out.some(
        (o) => o.clause === f.clause && o.candidate.trigger.start === f.candidate.trigger.start,
      )
    )
      continue;
    out.push(f);
  }
  return out;
}

const specificity = (f: Found) => (f.deadline?.length ?? 0) + (f.candidate.meeting?.place ? 5 : 0);
