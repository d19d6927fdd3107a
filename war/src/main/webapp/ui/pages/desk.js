// The trading desk: groups of accounts (one order for many, each with a multiplier) and copy rules (a master
// account's orders placed, changed and cancelled on its children), with each rule's log.
import { h, field, alertBox, showError, clearError, table, formValues, time, fill } from '../dom.js';
import { get, post, del } from '../api.js';

export async function page(view) {
  const groups = h('section', { id: 'groups', 'aria-labelledby': 'groups-title' });
  const rules = h('section', { id: 'copy-rules', 'aria-labelledby': 'rules-title' });
  view.append(h('p', { class: 'muted' }, 'A group places one order on each of its accounts, the order\'s quantity'
    + ' times the account\'s multiplier, rounded down to whole lots. A copy rule copies every order of its master'
    + ' account — from a program, this site\'s ticket or a workbook — to each child with its multiplier, and'
    + ' changes and cancels the copies with their master.'), groups, rules);
  const accounts = (await get('/trading-accounts')).map(a => a.pseudoAccount);
  await Promise.all([drawGroups(groups, accounts), drawRules(rules, accounts)]);
}

const multiplierText = m => `${m.account} × ${m.multiplier}`;

/** Rows of (account, multiplier) a person adds to and removes from. */
function memberList(accounts, legend, plural, firstCount, start = 0) {
  const rows = h('div', { class: 'members' });
  const addRow = (account, multiplier = '1') => {
    const n = rows.children.length + 1;
    const row = h('div', { class: 'row member' },
      field(`${legend} ${n}`, { name: `account${n}`, tag: 'select', class: 'member-account',
        options: accounts.map(a => ({ value: a, label: a, selected: a === account })) }),
      field(`Multiplier ${n}`, { name: `multiplier${n}`, class: 'member-multiplier', type: 'number', min: '0.0001',
        step: 'any', value: multiplier, required: true }));
    rows.append(row);
  };
  for (let i = 0; i < firstCount; i++) addRow(accounts[(i + start) % accounts.length]);
  const more = h('button', { type: 'button', class: 'small secondary', onclick: () => addRow(accounts[0]) },
    `Add ${legend.toLowerCase()}`);
  const read = () => [...rows.querySelectorAll('.member')].map(r => ({
    account: r.querySelector('.member-account').value,
    multiplier: Number(r.querySelector('.member-multiplier').value),
  }));
  return { element: h('fieldset', {}, h('legend', {}, plural), rows, more), read };
}

async function drawGroups(section, accounts) {
  const error = alertBox();
  const list = await get('/groups');
  const members = memberList(accounts, 'Member', 'Members', Math.min(2, Math.max(1, accounts.length)));
  const form = h('form', { class: 'card', id: 'add-group' },
    h('h3', {}, 'New group'),
    field('Name', { name: 'name', required: true, maxlength: 32, placeholder: 'DESK' }),
    members.element, error, h('button', { type: 'submit' }, 'Create group'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    try {
      await post('/groups', { name: formValues(form).name, members: members.read() });
      await drawGroups(section, accounts);
    } catch (e) { showError(error, e); }
  });
  fill(section, h('h2', { id: 'groups-title' }, 'Groups'), table([
    { label: 'Group', value: g => h('strong', {}, g.name) },
    { label: 'Members', value: g => g.members.map(multiplierText).join(', ') },
    { label: 'Actions', value: g => h('button', { type: 'button', class: 'small danger', onclick: async () => {
      if (!confirm(`Remove the group ${g.name}? Its accounts and orders stay.`)) return;
      try { await del(`/groups/${g.id}`); await drawGroups(section, accounts); } catch (e) { showError(error, e); }
    } }, 'Remove') },
  ], list, 'No groups yet.'), form);
}

async function drawRules(section, accounts) {
  const error = alertBox();
  const log = h('div', { id: 'copy-log' });
  const list = await get('/copy-rules');
  const children = memberList(accounts, 'Child', 'Children', Math.min(2, Math.max(1, accounts.length - 1)), 1);
  const form = h('form', { class: 'card', id: 'add-copy-rule' },
    h('h3', {}, 'New copy rule'),
    field('Master account', { name: 'master', tag: 'select', options: accounts }),
    children.element,
    h('fieldset', {}, h('legend', {}, 'Copy'),
      field('New orders', { name: 'copyPlace', type: 'checkbox', checked: true }),
      field('Changes', { name: 'copyModify', type: 'checkbox', checked: true }),
      field('Cancels', { name: 'copyCancel', type: 'checkbox', checked: true })),
    h('div', { class: 'row' },
      field('Active from (India time, optional)', { name: 'activeFrom', type: 'time' }),
      field('Active until (optional)', { name: 'activeTo', type: 'time' })),
    error, h('button', { type: 'submit' }, 'Create copy rule'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearError(error);
    const v = formValues(form);
    const body = { master: v.master, children: children.read(), copyPlace: v.copyPlace, copyModify: v.copyModify,
      copyCancel: v.copyCancel };
    if (v.activeFrom) body.activeFrom = v.activeFrom;
    if (v.activeTo) body.activeTo = v.activeTo;
    try {
      await post('/copy-rules', body);
      await drawRules(section, accounts);
    } catch (e) { showError(error, e); }
  });
  const switches = r => ['place', 'modify', 'cancel'].filter((s, i) => [r.copyPlace, r.copyModify, r.copyCancel][i])
    .join(', ') || 'nothing';
  fill(section, h('h2', { id: 'rules-title' }, 'Copy rules'), table([
    { label: 'Master', value: r => h('strong', {}, r.master) },
    { label: 'Children', value: r => r.children.map(multiplierText).join(', ') },
    { label: 'Copies', value: switches },
    { label: 'Active', value: r => r.activeFrom || r.activeTo ? `${r.activeFrom || '…'}–${r.activeTo || '…'}` : 'always' },
    { label: 'Actions', value: r => h('span', { class: 'actions' },
      h('button', { type: 'button', class: 'small', onclick: () => drawLog(log, r) }, 'Log'),
      h('button', { type: 'button', class: 'small danger', onclick: async () => {
        if (!confirm(`Stop copying ${r.master}? Copies already placed stay.`)) return;
        try { await del(`/copy-rules/${r.id}`); await drawRules(section, accounts); } catch (e) { showError(error, e); }
      } }, 'Remove')) },
  ], list, 'No copy rules yet.'), log, form);
}

async function drawLog(place, rule) {
  const lines = await get(`/copy-rules/${rule.id}/log?limit=200`);
  fill(place, h('h3', {}, `Copy log of ${rule.master}`), table([
    { label: 'Time', value: l => time(l.time) },
    { label: 'Child', value: l => l.child },
    { label: 'Action', value: l => l.action },
    { label: 'Outcome', value: l => h('span', { class: `status ${l.outcome.toLowerCase()}` }, l.outcome) },
    { label: 'Master order', value: l => h('code', {}, l.masterOrderId) },
    { label: 'Message', value: l => l.message || '' },
  ], lines, 'Nothing copied yet.'),
  h('button', { type: 'button', class: 'small secondary', onclick: () => drawLog(place, rule) }, 'Refresh log'));
}
