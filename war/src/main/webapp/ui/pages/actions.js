import { h, field, alertBox, showError, clearError, table, time, fill, formDialog } from '../dom.js';
import { get, post } from '../api.js';
import { every, refreshPending } from '../app.js';

export async function page(view) {
  const error = alertBox();
  const list = h('section', { id: 'pending-actions', 'aria-live': 'polite' });
  view.append(h('p', { class: 'muted' }, 'Orders from SEMI_AUTO keys wait here until you approve them. Nothing'
    + ' reaches the broker before.'), error, list);
  const draw = async () => {
    try {
      const pending = await get('/actions?status=PENDING');
      fill(list, table([
        { label: 'Received', value: a => time(a.createdAt) },
        { label: 'Order', value: a => `${a.order.side} ${a.order.quantity} ${a.order.exchange}:${a.order.symbol}` },
        { label: 'Type', value: a => `${a.order.orderType}${a.order.price ? ' @ ' + a.order.price : ''}` },
        { label: 'Account', value: a => a.order.account },
        { label: 'Decision', value: a => h('span', { class: 'actions' },
          h('button', { type: 'button', class: 'small', 'data-action': 'approve', onclick: async () => {
            clearError(error);
            try {
              const { orderId } = await post(`/actions/${a.actionId}/approve`);
              view.querySelector('.slot')?.remove();
              list.before(h('p', { class: 'ok slot', role: 'status' }, `Approved: order ${orderId} placed.`));
              await draw();
              refreshPending();
            } catch (e) { showError(error, e); }
          } }, 'Approve'),
          h('button', { type: 'button', class: 'small danger', 'data-action': 'reject', onclick: () => formDialog({
            id: 'reject-form',
            title: 'Reject this order?',
            fields: [field('Why (optional, kept with the action)', { name: 'reason', maxlength: 255 })],
            submitLabel: 'Reject',
            cancelLabel: 'Keep it waiting',
            onSubmit: async v => {
              await post(`/actions/${a.actionId}/reject`, { reason: v.reason });
              await draw();
              refreshPending();
            },
          }) }, 'Reject')) },
      ], pending, 'Nothing waits for approval.'));
    } catch (e) {
      showError(error, e);
    }
  };
  await draw();
  every(5000, draw);
}
