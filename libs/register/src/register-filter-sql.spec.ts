import { registerFilter } from '@ct/contracts';
import { compileRegisterFilter, escapeLike, whereClause } from './register-filter-sql';

const columns = { alias: 'i', changedAt: 'updated_at', tieBreak: 'id' };
const parse = (q: Record<string, string>) => registerFilter.parse(q);

describe(compileRegisterFilter.name, () => {
  it('binds every value and spells the closed statuses as literals', () => {
    const sut = compileRegisterFilter(
      parse({ kind: 'pledge', status: 'open', q: '50%_off', open: 'true', sort: 'due' }),
      '2026-12-02',
      columns,
    );
    expect(sut.where).toEqual([
      'i.kind = $1',
      'i.status = $2',
      "(i.action || ' ' || i.actor) ILIKE $3",
      "i.status NOT IN ('done', 'cancelled', 'held', 'retracted')",
    ]);
    expect(sut.params).toEqual(['pledge', 'open', '%50\\%\\_off%']);
    expect(sut.orderBy).toBe('i.due_date ASC NULLS LAST, i.id ASC');
  });

  it('finds an actor under every key its name means', () => {
    const sut = compileRegisterFilter(parse({ actor: 'Kazakhstan' }), '2026-12-02', columns);
    expect(sut.where).toEqual(['i.actor_key = ANY($1::text[])']);
    expect(sut.params[0]).toEqual(expect.arrayContaining(['@KZ']));
  });

  it('counts an item without a due date as not overdue', () => {
    const sut = compileRegisterFilter(parse({ overdue: 'false' }), '2026-12-02', {
      changedAt: 'changed_at',
      tieBreak: 'item_id',
    });
    expect(sut.where).toEqual([
      "(NOT (due_date < $1 AND status NOT IN ('done', 'cancelled', 'held', 'retracted')) OR due_date IS NULL)",
    ]);
    expect(sut.params).toEqual(['2026-12-02']);
    expect(sut.orderBy).toBe('created_at DESC, item_id ASC');
  });

  it('sorts by the table’s own column of the last change', () => {
    const sut = compileRegisterFilter(parse({ sort: '-updated' }), '2026-12-02', {
      changedAt: 'changed_at',
      tieBreak: 'item_id',
    });
    expect(sut.orderBy).toBe('changed_at DESC, item_id ASC');
  });

  it('lets the caller add conditions with the next placeholder', () => {
    const sut = compileRegisterFilter(parse({ kind: 'event' }), '2026-12-02', columns);
    sut.where.push(`i.id = ${sut.bind('x')}`);
    expect(whereClause(sut.where)).toBe('WHERE i.kind = $1 AND i.id = $2');
    expect(sut.params).toEqual(['event', 'x']);
    expect(whereClause([])).toBe('');
  });
});

describe(escapeLike.name, () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('a_b%c\\d')).toBe('a\\_b\\%c\\\\d');
  });
});
