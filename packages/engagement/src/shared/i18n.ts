/**
 * The strings of `<jc-service-board>` and `<jc-ledger>`, in Chinese (default) and English.
 * Any string can be overridden through the element's `i18n` property.
 * @module
 */

/**
 * The strings of `<jc-service-board>`.
 *
 * @example
 * ```ts
 * board.i18n = { title: 'Orders of Xialin Community' };
 * ```
 */
export interface ServiceBoardStrings {
  title: string;
  empty: string;
  newOrder: string;
  category: string;
  from: string;
  to: string;
  description: string;
  place: string;
  status: string;
  window: string;
  member: string;
  actions: string;
  none: string;
  statuses: Record<string, string>;
  actionNames: Record<string, string>;
  chooseMember: string;
  suggested: string;
  others: string;
  reason: string;
  hours: string;
  rating: string;
  note: string;
  submit: string;
  cancel: string;
  why: { skill: string; available: string; distance: string[]; load: string };
  problems: string;
  dueAt: string;
  overdue: string;
}

/**
 * The default strings of `<jc-service-board>`.
 *
 * @example
 * ```ts
 * serviceBoardStrings.en.actionNames.dispatchOrder; // 'Dispatch'
 * ```
 */
export const serviceBoardStrings: { zh: ServiceBoardStrings; en: ServiceBoardStrings } = {
  zh: {
    title: '服务订单', empty: '暂无订单', newOrder: '我要点单', category: '服务类别', from: '开始时间', to: '结束时间',
    description: '需求描述', place: '提交订单', status: '状态', window: '服务时段', member: '接单党员', actions: '操作',
    none: '—',
    statuses: { ordered: '待派单', dispatched: '已派单', accepted: '已接单', completed: '待确认', confirmed: '已确认', cancelled: '已取消' },
    actionNames: {
      dispatchOrder: '派单', acceptOrder: '接单', declineOrder: '拒单', completeOrder: '完成服务', confirmOrder: '确认评价', cancelOrder: '取消订单',
    },
    chooseMember: '选择党员', suggested: '推荐', others: '其他报到人员', reason: '理由', hours: '服务时长（小时）', rating: '评价（1–5 星）',
    note: '备注', submit: '确定', cancel: '返回',
    why: { skill: '技能匹配', available: '时段可服务', distance: ['同网格', '同村（社区）', '同镇（街道）', '较远'], load: '在办' },
    problems: '无法提交：', dueAt: '办理时限', overdue: '已超时',
  },
  en: {
    title: 'Service orders', empty: 'No orders yet', newOrder: 'Order a service', category: 'Service', from: 'From', to: 'To',
    description: 'What is needed', place: 'Place order', status: 'Status', window: 'Time window', member: 'Member', actions: 'Actions',
    none: '—',
    statuses: { ordered: 'To dispatch', dispatched: 'Dispatched', accepted: 'Accepted', completed: 'To confirm', confirmed: 'Confirmed', cancelled: 'Cancelled' },
    actionNames: {
      dispatchOrder: 'Dispatch', acceptOrder: 'Accept', declineOrder: 'Decline', completeOrder: 'Complete', confirmOrder: 'Confirm and rate', cancelOrder: 'Cancel order',
    },
    chooseMember: 'Choose a member', suggested: 'Suggested', others: 'Other reported members', reason: 'Reason', hours: 'Hours of service',
    rating: 'Rating (1–5 stars)', note: 'Note', submit: 'Submit', cancel: 'Back',
    why: { skill: 'skill matches', available: 'free then', distance: ['same grid', 'same village', 'same town', 'farther'], load: 'open orders' },
    problems: 'Cannot submit:', dueAt: 'Due', overdue: 'overdue',
  },
};

/**
 * The strings of `<jc-ledger>`.
 *
 * @example
 * ```ts
 * ledger.i18n = { print: 'Print statement' };
 * ```
 */
export interface LedgerStrings {
  titleTime: string;
  titlePoints: string;
  empty: string;
  account: string;
  owner: string;
  balance: string;
  floor: string;
  cap: string;
  noLimit: string;
  pending: string;
  credits: string;
  debits: string;
  opening: string;
  movements: string;
  redemptions: string;
  noMovements: string;
  date: string;
  kind: string;
  amount: string;
  after: string;
  detail: string;
  kinds: Record<string, string>;
  unitTime: string;
  unitPoints: string;
  print: string;
}

/**
 * The default strings of `<jc-ledger>`.
 *
 * @example
 * ```ts
 * ledgerStrings.zh.titleTime; // '时间银行账户明细'
 * ```
 */
export const ledgerStrings: { zh: LedgerStrings; en: LedgerStrings } = {
  zh: {
    titleTime: '时间银行账户明细', titlePoints: '积分明细', empty: '暂无账户信息', account: '账户', owner: '户主', balance: '余额',
    floor: '下限', cap: '存储上限', noLimit: '不限', pending: '待结算积分', credits: '收入合计', debits: '支出合计', opening: '期初余额',
    movements: '收支明细', redemptions: '兑换记录', noMovements: '本期无收支', date: '日期', kind: '类型', amount: '金额', after: '余额',
    detail: '说明',
    kinds: { earn: '服务所得', transfer: '转赠', donate: '捐赠', redeem: '兑换', award: '奖励积分', deduct: '扣减积分', settle: '季度结算', writeOff: '核销' },
    unitTime: '小时', unitPoints: '分', print: '打印',
  },
  en: {
    titleTime: 'Time-bank statement', titlePoints: 'Points statement', empty: 'No account to show', account: 'Account', owner: 'Owner',
    balance: 'Balance', floor: 'Floor', cap: 'Cap', noLimit: 'none', pending: 'Pending points', credits: 'Total in', debits: 'Total out',
    opening: 'Opening balance', movements: 'Movements', redemptions: 'Redemptions', noMovements: 'No movements in this period', date: 'Date',
    kind: 'Kind', amount: 'Amount', after: 'Balance', detail: 'Detail',
    kinds: { earn: 'Service earned', transfer: 'Transfer', donate: 'Donation', redeem: 'Redemption', award: 'Points awarded', deduct: 'Points deducted', settle: 'Quarterly settlement', writeOff: 'Write-off' },
    unitTime: 'h', unitPoints: 'pts', print: 'Print',
  },
};
