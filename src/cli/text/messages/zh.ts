// The Chinese message catalogue: every key of the English one (`Messages`),
// with the official terms (社会保障卡, 电子社保卡, 启用, 激活, 挂失, 补换卡,
// 参保登记, 灵活就业) and full-width punctuation.
import { EARLIEST_DATE, LATEST_DATE } from '../../../core/date-bounds.js';
import type { ErrorWords } from '../../../core/errors.js';
import { built } from './built.js';
import { thousands } from '../money.js';
import type { Messages } from './en.js';

const ID = '11010519491231002X';
const DATE_FORMS = '2026-09-01、2026/9/1、2026.9.1、2026年9月1日或 20260901';
const RESTORE =
  '停止所有 sscard 进程，用最近的备份覆盖台账文件（先删除旁边的 -wal 和 -shm 文件），然后运行 `sscard check`（见 README 的 "Backups and restore" 一节）';
const WRITE_FAILURE = { full: '磁盘已满', limit: '文件达到大小上限：ulimit -f 或文件系统的限制', io: '磁盘读写错误，或磁盘已满' };
const WRITE_REMEDY = { full: '请释放磁盘空间', limit: '请提高上限或写到别处', io: '请检查磁盘并释放空间' };
const WEEKDAY = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const BIRTH_DATE = {
  'not-a-date': '第 7-14 位不是有效的出生日期',
  future: '出生日期在未来',
  'before-1900': '出生日期早于 1900-01-01',
};

/**
 * Chinese text around values that may be Latin or Chinese (an option or a column's header, a name the user
 * typed): one space where Chinese meets Latin letters or digits, none between Chinese characters (README,
 * "Chinese text"). Literal text in a `spaced` template carries no space next to a value.
 */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const LATIN_END = /[A-Za-z0-9`>*]/;
const LATIN_START = /[A-Za-z0-9`<#~./-]/;
/** Inside a `code span` (an odd number of backticks so far) text is what the user types: joined as it is. */
const inCode = (text: string): boolean => (text.split('`').length - 1) % 2 === 1;
const meet = (a: string, b: string): string =>
  !inCode(a) && ((HAN.test(a.slice(-1)) && LATIN_START.test(b.charAt(0))) || (LATIN_END.test(a.slice(-1)) && HAN.test(b.charAt(0)))) ? `${a} ${b}` : a + b;
export function spaced(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out = meet(meet(out, String(values[i])), strings[i + 1]!);
  return out;
}

const SEPARATION = '档案和社保关系转移';
/** The four insurances' names, where a sentence names one. */
const INSURANCE_ZH = { pension: '养老保险', medical: '医疗保险', unemployment: '失业保险', injury: '工伤保险' } as const;
const LATE_REGISTRATION =
  '社会保险经办机构将自用工之日起核定应缴纳的社会保险费（《社会保险法》第五十八条）；经责令限期改正逾期仍不登记的，处应缴社会保险费数额一倍以上三倍以下罚款，对直接负责的主管人员和其他直接责任人员处五百元以上三千元以下罚款（第八十四条）。';
const CARD_STATE = {
  issued: '已制卡',
  ready: '待领卡',
  received: '已领卡',
  activated: '已激活',
  lost: '已挂失',
  replaced: '已补换',
  cancelled: '已注销',
  sealed: '已逾期封存',
};

export const zh: Messages = {
  deadlineNote: (note) => {
    switch (note.kind) {
      case 'moved':
        return spaced`${note.from}为${note.holiday ? spaced`${note.holiday.zh}假期` : WEEKDAY[note.weekday]}，顺延至${note.to}`;
      case 'adjusted-workday':
        return spaced`${note.date}虽是${WEEKDAY[note.weekday]}，但为${note.holiday ? spaced`${note.holiday.zh}` : ''}调休上班日，期限不顺延`;
      case 'make-up':
        return spaced`${note.days.join('、')}假定为${note.holiday ? note.holiday.zh : '节假日'}逢周末的补休日（《全国年节及纪念日放假办法》第六条；sscard 按惯例假定为节后第一个工作日起补休）`;
      case 'provisional':
        return spaced`${note.year}年的法定节假日安排尚未公布，此期限为暂定`;
    }
  },
  deadlineNoteSeparator: '；',
  cause: (code) =>
    ({
      ENOENT: '文件或目录不存在',
      EACCES: '没有权限',
      EPERM: '操作不被允许',
      EISDIR: '这是一个目录',
      ENOTDIR: '路径中有一部分不是目录',
      EROFS: '文件系统只读',
      ENOSPC: '磁盘已满',
      EDQUOT: '磁盘配额已用完',
      EIO: '磁盘读写错误',
      EMFILE: '打开的文件过多',
      ENFILE: '打开的文件过多',
      ENAMETOOLONG: '名称过长',
      ELOOP: '符号链接层数过多',
      EBUSY: '文件正被占用',
      EEXIST: '文件已存在',
      EADDRNOTAVAIL: '该地址不属于本机',
      EADDRINUSE: '端口已被占用',
    })[code] ?? `系统错误 ${code}`,
  loadedSchedule: (year) => spaced`按已导入的${year}年官方安排计算`,

  weekdayShort: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  dated: (date, weekday) => `${date}（${weekday}）`,
  because: (date, why) => `${date}（${why}）`,
  relative: (daysLeft) => {
    if (daysLeft === 0) return '今天截止';
    if (daysLeft > 0) return spaced`还剩${daysLeft}天`;
    return spaced`已逾期${-daysLeft}天`;
  },

  get hire() {
    return built(this, 'hire', {
      flexibleSelf: '灵活就业（个人参保）',
      employerNotGiven: '用人单位未填',
      registration: {
        words: { pending: '待登记', overdue: '已逾期', registered: '已登记', onTime: '已按时登记', late: '逾期登记' },
        voluntary: (word) => `${word}（自愿参保，无期限）`,
        pending: (word, deadline, relative) => spaced`${word}：须在${deadline}前办理，${relative}`,
        overdue: (word, deadline, relative) => spaced`${word}：期限为${deadline}，${relative}`,
        registered: (word, on) => `${word} ${on}`,
        onTime: (word, on, deadline) => spaced`${word} ${on}（期限${deadline}）`,
        late: (word, on, days, deadline) => spaced`${word} ${on}：晚于期限${deadline} ${days}天`,
      },
      separation: {
        words: { pending: '待办', overdue: '已逾期', onTime: '已按时办理', late: '逾期办理' },
        pending: (word, deadline, relative) => spaced`${SEPARATION}：${word}，须在${deadline}前办理，${relative}`,
        overdue: (word, deadline, relative) => spaced`${SEPARATION}：${word}，期限为${deadline}，${relative}`,
        onTime: (word, on, deadline) => spaced`${SEPARATION}：${word} ${on}（期限${deadline}）`,
        late: (word, on, days, deadline) => spaced`${SEPARATION}：${word} ${on}，晚于期限${deadline} ${days}天`,
      },
      lateRegistration: LATE_REGISTRATION,
    } satisfies Messages['hire']);
  },

  get policy() {
    return built(this, 'policy', {
      period: (period) => {
        if ('days' in period) return spaced`${period.days}天`;
        if (period.months % 12 === 0) return spaced`${period.months / 12}年`;
        return spaced`${period.months}个月`;
      },
      consequence: {
        'medical-insurance-restricted': '原医保卡受限，直至激活',
        sealed: '逾期封存（该卡作废，须重新申领）',
        'social-function-suspended': '社保功能暂停，直至激活',
        none: '无',
      },
      window: (name, window, period, consequence) =>
        window === null
          ? spaced`卡政策${name}：无激活期限`
          : spaced`卡政策${name}：自${{ received: '领卡', issued: '制卡' }[window.from]}之日起${period}内${{ activated: '激活', enabled: '启用社保功能' }[window.needs]}，否则${consequence}`,
      lossRule: (rule, fn) => {
        const who = fn === undefined ? '临时挂失' : `${fn === 'social' ? '社保功能' : '金融功能'}临时挂失`;
        if (rule === 'unknown') return `${who}：有效期不详（未找到来源），sscard 不会自动解挂`;
        if (rule.unit === 'never') return `${who}不会自动解挂：直至找回卡片（解挂）或办理正式挂失`;
        const then = { lift: '自动解挂', cancel: '卡片注销', stay: '卡片仍为挂失' }[rule.then];
        return spaced`${who}有效${rule.period} ${rule.unit === 'days' ? '天' : '个工作日'}，期满${then}`;
      },
      formalLoss: (liftable) =>
        liftable === 'unknown'
          ? '正式挂失能否解挂不详（未找到来源）；接受 `card found`'
          : liftable
            ? '正式挂失在申请补卡前可以解挂（`card found`）'
            : '正式挂失不能撤销：原卡作废，须申请补卡',
      validity: (validity) => {
        if (validity === 'unknown') return '有效期：不详（未找到来源）；以卡面有效期（--expires-on）为准';
        if (validity === null) return '有效期：卡政策未规定';
        const bands = validity.byAgeAtIssue;
        const band = (i: number) => {
          const b = bands[i]!;
          const next = bands[i + 1];
          const ages =
            next === undefined
              ? spaced`${b.fromAge}周岁以上`
              : b.fromAge === 0
                ? spaced`未满${next.fromAge}周岁`
                : spaced`${b.fromAge}至${next.fromAge - 1}周岁`;
          const end = b.untilAge !== undefined ? spaced`至年满${b.untilAge}周岁之日` : b.years == null ? '长期有效' : spaced` ${b.years}年`;
          return `${ages}${end}`;
        };
        return `有效期依申领时年龄：${bands.map((_, i) => band(i)).join('；')}`;
      },
      renewal: (days, required) =>
        required === false
          ? '卡片功能正常则无需换领：过期的卡仍可使用'
          : spaced`有效期满前${days}日起可换领${required === 'unknown' ? '（全国规定；未找到本地来源）' : ''}`,
      unknownRules: (rules) => `不详（未找到来源）：${rules.map((r) => zh.policy.rules[r] ?? r).join('、')}`,
      rules: {
        activation: '激活期限',
        consequence: '逾期后果',
        temporaryLoss: '临时挂失',
        formalLossLiftable: '正式挂失能否解挂',
        validity: '有效期',
        renewalRequired: '是否须换领',
        functionLoss: '各功能的挂失',
      },
      sources: '来源',
      named: (name, id) => `${name}（${id}）`,
      ruleSeparator: '；',
      source: (title, url, date, confidence, supports) =>
        `${title}（${url}，${date ?? '日期不详'}；可信度${{ high: '高', medium: '中', low: '低' }[confidence] ?? confidence}${supports.length > 0 ? `；用于${supports.map((r) => zh.policy.rules[r] ?? r).join('、')}` : ''}）`,
      national: '全国规定（适用于所有卡政策）',
      invalid: (p) => {
        const what =
          {
            shape: () => `不符合 data/policies.md 的说明（${p.detail}）`,
            'duplicate-id': () => '与前面的卡政策 id 重复',
            'window-without-consequence': () => '有激活期限时必须有后果，反之亦然',
            'loss-period': () => '除 unit 为 "never" 外必须有 period（"never" 时 period 为 null、then 为 "stay"）',
            'validity-bands': () => '年龄段须从 0 起递增，每段有 years 或 untilAge 之一',
            'rule-without-source': () => `写明了规则"${p.detail}"，但没有来源支持（补充来源，或写"unknown"）`,
            'no-default': () => '缺少默认卡政策"seed"',
          }[p.kind as 'shape']?.() ?? p.kind;
        return spaced`卡政策文件 data/policies.json 无效：${p.entry === '' ? '' : `卡政策 "${p.entry}" 的`}字段${p.field || '（顶层）'}${what}；请修正该文件或重新安装 sscard。`;
      },
      unreadable: (why) => `无法读取卡政策文件 data/policies.json（${why}）；请重新安装 sscard。`,
      notFound: (id, known) => spaced`没有名为${id}的卡政策；可选：${known}。`,
      unknown: (flag, shown, known) => spaced`${flag}：没有名为${shown}的卡政策；可选：${known}（见 \`sscard policies\`）。`,
    } satisfies Messages['policy']);
  },

  get employer() {
    return built(this, 'employer', {
      askName: '用人单位名称',
      askCity: '用人单位的参保地（缴纳社会保险的城市），例如北京',
      usccInvalid: (flag, problem) =>
        `${flag}：${
          {
            length: '统一社会信用代码应为 18 位',
            character: '统一社会信用代码由数字和除 I、O、S、V、Z 以外的大写字母组成',
            division: '统一社会信用代码第 3 至 8 位应为 6 位数字的登记管理机关行政区划码',
            check: '第 18 位校验码与前 17 位不符',
          }[problem]
        }；请照营业执照上的统一社会信用代码准确填写。`,
      usccDiffers: (flag, name, recorded) => spaced`${flag}：${name}已登记统一社会信用代码${recorded}；一个用人单位只有一个代码（请核对单位名称或代码）。`,
      usccTaken: (flag, by) => spaced`${flag}：该统一社会信用代码已登记为${by}；一个代码只对应一个用人单位。`,
      notFound: (name) => spaced`台账中没有用人单位${name}；请先用 \`sscard employer add\` 登记。`,
      none: '尚未登记用人单位：`sscard employer add 名称 --uscc 代码 --city 城市 `，或在登记入职时用 --employer。',
      noUscc: '（无统一社会信用代码）',
      noCity: '（无参保地：无法估算逾期参保登记的费用）',
      cityWithoutData: (city) => `${city}（无缴费数据：见 \`sscard rates\`）`,
      done: (changed) => ({ created: '已登记用人单位：', updated: '已更新用人单位：', unchanged: '已登记，未作更改：' })[changed],
    } satisfies Messages['employer']);
  },

  get rates() {
    return built(this, 'rates', {
      list: '、',
      cityName: (name) => name.zh,
      dataText: (text) => text.zh,
      /** Between a label and its value. */
      sep: '：',
      unknown: '未知',
      base: '月缴费基数（下限 .. 上限）',
      baseOthers: '，适用于无单独基数的险种',
      ownBase: '单独缴费基数（下限 .. 上限）',
      ownBasePeriod: (from, to) => `单独缴费基数 ${from} .. ${to}`,
      insurance: { pension: '养老保险', medical: '医疗保险（含生育保险）', unemployment: '失业保险', injury: '工伤保险（一类行业）' },
      employer: '单位',
      employee: '个人',
      shares: (employer, employee) => spaced`单位${employer}，个人${employee}`,
      injuryRange: (min, max) => `；按行业风险类别 ${min} .. ${max}`,
      dueDay: '缴费期限',
      cutoff: '增员/减员申报截止日（逾期申报次月生效）',
      dayOfMonth: (day) => spaced`每月${day}日前`,
      note: '说明',
      sources: '来源',
      yearLabel: (year, from, to) => spaced`${year}年度（${from} .. ${to}）`,
      loadedFrom: (file, on) => spaced`，${on}从${file}导入`,
      howToLoad: '导入更新的年度：`sscard rates load 文件.json`（格式同 data/contributions.json，见 data/contributions.md）。',
      cityNotFound: (city, known) => spaced`没有${city}的缴费数据；已知城市：${known}。`,
      askFile: '缴费数据文件（JSON）',
      unreadable: (file) => spaced`<file.json>：无法读取${file}；请检查路径。`,
      notAFile: (file) => spaced`<file.json>：${file}不是普通文件；请提供缴费数据的 JSON 文件。`,
      tooLarge: (file) => spaced`<file.json>：${file}大于 1 MiB，不是缴费数据文件。`,
      notJson: (file) => spaced`<file.json>：${file}不是有效的 JSON；请提供 data/contributions.json 格式的文件。`,
      newCity: (file, city) => spaced`${file}：声明了 sscard 不认识的城市${city}；导入文件只能提供 \`sscard rates\` 中已有城市的新年度。`,
      loaded: (names, count) => spaced`已导入${count}个缴费年度：${names}。估算将使用这些数据。`,
      shippedUnreadable: '无法读取缴费数据文件 data/contributions.json；请重新安装 sscard。',
      shippedInvalid: (problem) => `缴费数据文件 data/contributions.json 无效：${problem}；请重新安装 sscard。`,
      problem: (p) => {
        const at = `${p.entry}${p.field ? spaced`，字段${p.field}` : ''}：`;
        const what = {
          'not-an-object': '应为对象',
          missing: '缺失（找不到来源时请写 "unknown"）',
          'not-text': '应为非空文本',
          'not-a-date': '应为 YYYY-MM-DD 格式的日期（年度从某月 1 日开始）',
          'not-an-amount': '应为以元为单位、最多两位小数的金额',
          'not-a-rate': '应为 0 到 100 之间、最多三位小数的百分比',
          'not-a-day': '应为每月的第几日（1 到 31）',
          'unknown-source': '引用的来源不在 "sources" 中',
          'unknown-city': '引用的城市不在 "cities" 中',
          'bad-range': '小于下限',
          overlap: '与该城市上一年度（或 bases 中该险种的上一时段）重叠',
          'not-a-month': '应为 YYYY-MM 格式的月份',
          'outside-year': '含有缴费年度起止（from .. to）以外的月份',
          'bad-value': '取值不允许',
        }[p.kind];
        return spaced`${at}${what}`;
      },
    } satisfies Messages['rates']);
  },

  get cost() {
    return built(this, 'cost', {
      title: (city, months) => `费用估算（元；${city}，${months} 个月）：`,
      premiums: (employer, employee) => `应缴社会保险费：单位 ${employer}，个人 ${employee}`,
      segment: (months, base, rate) => `${months} 个月 × ${base} × ${rate}`,
      shareSep: '；',
      rangeNote: '未登记缴费基数：按下限至上限估算（用 --base 或缴费基数列登记该职工的基数即可得到确定数额）',
      lateFee: (total) => spaced`滞纳金（每日万分之五，第八十六条）：${total}`,
      lateFeeMonth: (month, unpaid, days, fee) => spaced`${month}：${unpaid} × ${days}天 × 0.05% = ${fee}`,
      dueAssumed: '各月保费按当月最后一日到期计算（该市缴费期限未知）',
      fine: (employer, managers) =>
        spaced`经责令限期改正逾期不改的（第八十四条）：罚款${employer}（应缴社会保险费数额的一至三倍）；直接负责的主管人员等每人${managers}`,
      sources: (city) => `来源：\`sscard rates ${city}\``,
      notEstimated: '费用：缺少数据，未估算：',
      missing: (m, employer, city) => {
        switch (m.kind) {
          case 'city':
            return spaced`${employer}未登记参保地（\`sscard employer set "${employer}" --city 城市 \`）`;
          case 'year':
            return spaced`没有${city(m.city)} ${m.month}的缴费数据（\`sscard rates load 文件.json\`）`;
          case 'base':
            return !('insurance' in m)
              ? `${city(m.city)} ${m.year} 年度的缴费基数上下限未知（用 --base 登记该职工的基数）`
              : `${city(m.city)} ${m.year} 年度${INSURANCE_ZH[m.insurance]}单独的缴费基数上下限在 ${m.month} 未知（用 --base 登记该职工的基数）`;
          case 'rates':
            return `${city(m.city)} ${m.year} 年度的${INSURANCE_ZH[m.insurance]}费率未知（\`sscard rates load 文件.json\`）`;
        }
      },
    } satisfies Messages['cost']);
  },

  get refusal() {
    return built(this, 'refusal', {
      card: (r, card, dateField, today) => {
        switch (r.reason) {
          case 'card-not-in-force':
            switch (r.state) {
              case 'lost':
                return spaced`卡${card}已挂失，不能再使用、启用或激活；新卡发出后用 \`sscard card replace\` 记录补换。`;
              case 'replaced':
                return spaced`卡${card}已补换为新卡，不能再使用、启用或激活；请使用新卡。`;
              case 'cancelled':
                return spaced`卡${card}已注销，不能再使用、启用或激活。`;
              case 'sealed':
                return spaced`卡${card}已逾期封存：未在卡政策规定的期限内激活，该卡已作废，不能再使用、启用或激活；请重新申领新卡，并用 \`sscard card issue\` 记录。`;
              default:
                return spaced`卡${card} ${CARD_STATE[r.state]}，不能办理此业务。`;
            }
          case 'id-mismatch':
            return '所出示的身份证件号码与该卡持卡人不符：激活被拒绝，未做任何更改。请持卡人本人携带身份证原件办理。';
          case 'date-before-issue':
            return spaced`${dateField}早于该卡的制卡日期${r.issuedOn}：请核对日期。`;
          case 'date-before-receipt':
            return spaced`${dateField}早于领卡日期${r.receivedOn}：请核对日期。`;
          case 'date-before-activation':
            return spaced`${dateField}早于该卡的激活日期${r.activatedOn}：请核对日期。`;
          case 'date-before-loss':
            return spaced`${dateField}早于该卡的挂失日期${r.lostOn}：请核对日期。`;
          case 'date-in-future':
            return spaced`${dateField}在未来（今天是${today}）：只能记录已经发生的事。`;
          case 'guardian-required':
            return spaced`持卡人在激活日为${r.age}岁：未满 16 周岁须由监护人代为激活，请用 --guardian-id 提供监护人身份证号码。`;
          case 'guardian-too-young':
            return '--guardian-id 所示监护人未满 18 周岁：监护人须为成年人。';
          case 'guardian-is-holder':
            return '--guardian-id 是持卡人本人：请提供监护人的身份证号码。';
          case 'already-received':
            return spaced`卡${card}已于${r.receivedOn}领取：领卡日期不能更改。`;
          case 'already-activated':
            return spaced`卡${card}已于${r.activatedOn}激活。`;
          case 'has-card-in-force':
            return spaced`此人已有在用的社会保障卡${r.card}：一人只能有一张在用卡；如卡遗失请先挂失再用 \`sscard card replace\` 补换。`;
          case 'card-number-taken':
            return spaced`卡号${card}已在台账中：请核对卡号。`;
          case 'expiry-before-issue':
            return spaced`有效期（${r.expiresOn}）须晚于制卡日期${r.issuedOn}：请核对卡面上的有效期。`;
          case 'temporary-loss':
            return spaced`卡${card}仅为临时挂失：补领须先正式挂失（\`sscard card report-loss --card ${card}\`，不加 --temporary），找回的卡可用 \`sscard card found\` 解挂。`;
          case 'loss-not-reported':
            return spaced`卡${card}未挂失：因遗失补领须先正式挂失（\`sscard card report-loss --card ${card}\`）；卡面损坏、到期或信息变更请用对应的 --reason。`;
          case 'replacement-recorded':
            return spaced`卡${card}已补换为新卡${r.newCard}，不能再解挂：请使用新卡。`;
          case 'not-lost':
            return spaced`卡${card}未挂失（${CARD_STATE[r.state]}），无需解挂。`;
          case 'date-before-ready':
            return spaced`${dateField}：卡${card}于${r.readyOn}到达网点，领卡日期不能早于此日。`;
          case 'already-ready':
            return spaced`卡${card}已记录自${r.readyOn}起在网点待领，无变更。`;
          case 'no-application':
            return '此人没有制卡中的申领记录；请先用 `sscard card apply` 记录申领。';
          case 'application-open':
            return spaced`${r.appliedOn}的申领仍在制卡中；请先用 \`sscard card issue\` 记录制成的卡，或用 \`sscard card fail\` 记录制卡失败，再重新申领。`;
          case 'date-before-application':
            return spaced`${dateField}：该卡于${r.appliedOn}申领，相关日期不能早于此日。`;
          case 'same-policy':
            return spaced`卡${card}已适用卡政策${r.policy}，无变更。`;
          case 'formal-loss-not-liftable':
            return spaced`卡${card}已正式挂失；按卡政策${r.policy}，正式挂失不能撤销：原卡作废，请申请补卡，并用 \`sscard card replace\` 记录。`;
          case 'card-not-received':
            return spaced`卡${card}尚未领取：电子社保卡须在领取实体卡后申领（第三代社保卡除外）；领卡后用 \`sscard card receive\` 记录，再申领。`;
          case 'no-card':
            return '此人尚无社会保障卡记录：电子社保卡须对应一张在用的实体卡，请先用 `sscard card issue` 记录。';
        }
      },
      registration: (r, field, today) => {
        switch (r.reason) {
          case 'flexible-with-employer':
            return spaced`${field}：灵活就业人员由本人自行参保，没有用人单位，请不要填写。`;
          case 'hire-date-out-of-range':
            return spaced`${field}须在${EARLIEST_DATE}至${LATEST_DATE}之间，请检查年份。`;
          case 'hire-date-too-far-ahead':
            return spaced`${field} ${r.hiredOn}晚于今天（${today}）超过${r.months}个月，请检查年份。`;
          case 'hire-date-before-birth':
            return spaced`${field} ${r.hiredOn}早于身份证号码中的出生日期，请检查日期和号码。`;
          case 'under-age':
            return spaced`${field}：此人在入职日仅${r.age}周岁；《劳动法》第十五条禁止招用未满 16 周岁的未成年人，未做任何记录。请核对身份证号码和入职日期。`;
          case 'registered-before-hire':
            return spaced`${field}早于入职日期：职工应在入职当日或之后登记。`;
          case 'registration-in-future':
            return spaced`${field}在未来：请在实际办理后再记录。`;
          case 'already-registered':
            return '此次录用已记录了另一个登记日期：台账保留首次登记日期。';
        }
      },
      leave: (r, field, today) => {
        switch (r.reason) {
          case 'no-open-hire':
            return '台账中没有此人在该用人单位的在职记录：请核对 --employer（须与入职记录一致）或先用 `sscard register-employee` 记录入职。';
          case 'several-open-hires':
            return spaced`此人在该用人单位有多条在职记录（入职日期${r.hiredOn.join('、')}）：请用 --hired-on 指明是哪一条。`;
          case 'left-before-hire':
            return spaced`${field}早于入职日期${r.hiredOn}：请核对日期。`;
          case 'already-left':
            return spaced`此次录用已记录于${r.leftOn}离职：如日期有误，请先用 \`sscard revoke\` 撤销该记录再重新记录。`;
          case 'done-before-leaving':
            return spaced`${field}早于离职日期${r.leftOn}：转移手续在离职时或之后办理。`;
          case 'done-in-future':
            return spaced`${field}在未来（今天是${today}）：办理后再记录。`;
          case 'already-done':
            return spaced`此次离职的转移手续已记录于${r.doneOn}办理：台账保留该日期（如有误请用 \`sscard revoke\` 撤销）。`;
        }
      },
    } satisfies Messages['refusal']);
  },

  nextStep: (step, policy, window) => {
    switch (step.kind) {
      case 'await-card':
        return spaced`已于${step.appliedOn}申领社保卡，制卡中；制成后用 \`sscard card issue\` 记录。`;
      case 'apply-again':
        return spaced`社保卡于${step.failedOn}制卡失败：请重新申领，并用 \`sscard card apply\` 记录。`;
      case 'get-card':
        return '尚无社会保障卡记录：向参保地社保经办机构或合作银行申领；发卡后用 `sscard card issue` 记录。';
      case 'collect-card':
        return spaced`领取社会保障卡${step.card}，领卡后用 \`sscard card receive\` 记录（${window(step.policy)}）。`;
      case 'activate-card': {
        const missing = step.socialEnabled ? '金融功能未激活' : '社保功能和金融功能均未开通，激活时一并启用社保功能';
        const overdue = step.overdue
          ? spaced`已超过激活期限${step.policy.consequence === 'medical-insurance-restricted' ? '，医保卡受限' : '，社保功能暂停'}：请尽快`
          : '请';
        const by = step.deadline && !step.overdue ? spaced`（期限${step.deadline.date}）` : '';
        return spaced`${missing}：${overdue}携带社会保障卡和身份证原件到${step.bank ?? '发卡银行'}柜台激活${by}；不能在线激活（卡政策：${policy(step.policy)}）。见 \`sscard guide activate\`。`;
      }
      case 'enable-card':
        return spaced`社保功能未启用：可在线（电子社保卡、掌上12333、国家政务服务平台、本地 App）、到社保服务窗口或首次在定点医院使用时启用${step.deadline ? spaced`，期限${step.deadline.date}` : ''}${step.overdue ? '（已逾期）' : ''}（卡政策：${policy(step.policy)}）。见 \`sscard guide enable\`。`;
      case 'replace-lost-card':
        return spaced`卡${step.card}已正式挂失：到发卡银行或社保经办机构补换卡，新卡发出后用 \`sscard card replace\` 记录。`;
      case 'temporary-loss':
        return spaced`卡${step.card} ${step.lapsesOn === null ? '临时挂失（按其卡政策不会自动解挂，或解挂时间不详）' : spaced`临时挂失至${step.lapsesOn}（${{ lift: '期满自动解挂', cancel: '期满卡片注销', stay: '期满仍为挂失' }[step.after]}）`}：找回用 \`sscard card found\` 解挂；补领须先正式挂失（\`sscard card report-loss\` 不加 --temporary）。见 \`sscard guide loss\`。`;
      case 'apply-new-card':
        return spaced`卡${step.card}自${step.since}起逾期封存（卡政策${policy(step.policy)}）：请向社保经办机构或合作银行重新申领新卡，发卡后用 \`sscard card issue\` 记录。`;
      case 'renew-card':
        return spaced`卡${step.card}有效期至${step.expiresOn}${step.expired ? '，已过期' : ''}：请申请换领（有效期满前 60 日起可办理），新卡发出后用 \`sscard card replace --reason expiry\` 记录。`;
      case 'expired-still-usable':
        return spaced`卡${step.card}已于${step.expiresOn}到期，但按卡政策${policy(step.policy)}，卡片功能正常则无需换领：仍可继续使用；卡片无法使用时再办理换卡。`;
      case 'claim-ecard':
        return '申领电子社保卡：微信中依次点“我 -> 服务 -> 城市服务 -> 社保 -> 电子社保卡 -> 立即添加”（也可用支付宝、掌上12333或银行 App）。见 `sscard guide ecard`。';
      case 'transfer-on-leaving':
        return spaced`${step.employer ?? '用人单位'}须在${step.deadline.date}前为离职人员转移档案和社会保险关系（《劳动合同法》第五十条），失业的还须向社会保险经办机构报告（《社会保险法》第五十条）${step.overdue ? '：已逾期，请立即办理' : ''}。`;
      case 'register-hire':
        return step.overdue
          ? spaced`${step.employer ?? '用人单位'}已超过参保登记期限（${step.deadline.date}）：请立即办理。`
          : spaced`${step.employer ?? '用人单位'}须在${step.deadline.date}前办理社会保险登记（自用工之日起 30 日内）。见 \`sscard guide register\`。`;
    }
  },

  get status() {
    return built(this, 'status', {
      notFound: (id) => spaced`台账中没有${id}的记录：请先用 \`register-employee\` 记录入职或用 \`card issue\` 记录发卡。`,
      activatedEcard: '有已激活的电子社保卡。',
      noActivatedEcard: (ecard, card) => {
        const e = { none: '未申领电子社保卡', suspended: '电子社保卡已暂停', limited: '电子社保卡受限', active: '已申领电子社保卡' }[ecard];
        const c =
          card === null
            ? '无社会保障卡记录'
            : card.state === 'activated'
              ? '社会保障卡已激活'
              : card.state === 'issued' || card.state === 'received'
                ? spaced`社会保障卡${card.stateText}，${card.socialEnabled ? '社保功能已启用，但未激活' : '未激活'}`
                : spaced`社会保障卡${card.stateText}${card.neverActivated ? '，从未激活' : ''}`;
        return spaced`没有已激活的电子社保卡：${e}，${c}。`;
      },
      lostRestricted: (deadline) => spaced`医保卡：受限（已挂失的卡未在激活期限${deadline}前激活；请补换新卡并激活）。`,
      restricted: (deadline) => spaced`医保卡：受限（已超过激活期限${deadline}；激活社会保障卡即可恢复）。`,
      sealed: (since, policy, deadline) => spaced`社会保障卡已于${since}逾期封存（卡政策${policy}：未在期限${deadline}前激活）：该卡作废，须重新申领新卡。`,
      suspended: (policy, deadline) => spaced`社保功能：已暂停（卡政策${policy}：超过激活期限${deadline}；激活即可恢复）。`,
      registrationsOverdue: (n) => spaced`${n}项参保登记已逾期。`,
      labels: { person: '参保人', card: '社会保障卡', medical: '医保', ecard: '电子社保卡', registrations: '参保登记', next: '下一步' },
      born: (sex, birthDate, region) => spaced`${sex === 'male' ? '男' : '女'}，${birthDate}出生${region ? spaced`，${region}` : ''}`,
      noCard: '无记录',
      cardLine: (number, bank, state) => `${number}${bank ? `（${bank}）` : ''}：${state}`,
      issued: (on) => spaced`制卡${on}`,
      appliedOn: (on, days) => spaced`申领${on}${days === null ? '' : spaced`，已${days}天，制卡中`}`,
      failedOn: (on, reason) => spaced`制卡失败${on}${reason ? spaced`：${reason}` : ''}`,
      readyAt: (outlet, since, days) => spaced`自${since}起在${outlet ?? '网点'}待领，已等待${days}天`,
      received: (on) => spaced`领卡${on}`,
      activated: (on) => spaced`激活金融功能${on}`,
      functions: (social, enabledOn, financial) =>
        spaced`社保功能${social === 'enabled' ? spaced`${enabledOn ? spaced` ${enabledOn}` : ''}已启用` : social === 'not-enabled' ? '未启用' : '封存'}，金融功能${financial ? '已激活' : '未激活'}`,
      policy: (name) => spaced`卡政策${name}`,
      deadline: (needs, deadline, relative) => spaced`${needs === 'enabled' ? '启用期限' : '激活期限'} ${deadline}，${relative}`,
      since: (on, consequence) => spaced`自${on}：${consequence}`,
      loss: (temporary, on, until, lapses, functions) =>
        spaced`${temporary ? '临时挂失' : '正式挂失'} ${on}${until ? spaced`，至${until}止${lapses === 'working-days' ? '（按工作日计）' : ''}` : lapses === 'never' ? '，不会自动解挂' : lapses === 'unknown' ? '，解挂时间不详' : ''}${functions.map((f) => spaced`；${f.fn === 'social' ? '社保功能' : '金融功能'}至${f.until}止`).join('')}`,
      expires: (on, renewalFrom) => (renewalFrom === null ? spaced`有效期至${on}（卡片功能正常则无需换领）` : spaced`有效期至${on}，自${renewalFrom}起可换领`),
      medical: { normal: '正常', restricted: '受限' },
      ecard: (claimedOn, channel, state) => spaced`申领于${claimedOn}${channel ? spaced`（${channel}）` : ''}，${state}`,
      hire: (registrant, flexible, since, leftOn) => spaced`${registrant}${flexible ? '，始于' : '，入职'} ${since}${leftOn ? spaced`，${leftOn}离职` : ''}`,
      regionAbolished: (name, year, successor) => spaced`${name}（该代码已于${year}年撤销${successor ? spaced`，现为${successor}` : ''}）`,
    } satisfies Messages['status']);
  },

  idProblem: (problem, field) => {
    switch (problem.code) {
      case 'empty':
        return spaced`${field}为空：请输入 18 位身份证号码。`;
      case 'length':
        return spaced`${field}有${problem.length}位：身份证号码应为 18 位（或旧版 15 位），请检查是否多输或漏输。`;
      case 'characters':
        return spaced`${field}含有非法字符：身份证号码应为 17 位数字加一位数字或 X。`;
      case 'province':
        return spaced`${field}以${problem.province}开头，这不是有效的省级行政区划代码：请核对前两位。`;
      case 'birth-date':
        return spaced`${field}无效：${BIRTH_DATE[problem.why]}，请核对号码。`;
      case 'check-character':
        return spaced`${field}的校验码是${problem.found}，按 GB 11643 应为${problem.expected}：号码中可能有输错的数字。`;
    }
  },

  get input() {
    return built(this, 'input', {
      date: (field) => spaced`${field}须为有效日期，可写作${DATE_FORMS}。`,
      outOfRange: (field) => spaced`${field}须在${EARLIEST_DATE}至${LATEST_DATE}之间，请检查年份。`,
      card: (field) => spaced`${field}须为卡面上的 9 位字母或数字，例如 A12345678。`,
      empty: (field) => spaced`${field}为空：请填写，或不使用该选项。`,
      tooLong: (field) => spaced`${field}超过 200 个字符，请缩短。`,
      controlCharacters: (field) => spaced`${field}含有控制字符，请删除。`,
      ecardChannel: (field) =>
        spaced`${field}须为 wechat、alipay、12333、bank-app、gov-platform、unionpay、local-app 之一（或其中文名称，如微信、支付宝、掌上12333、云闪付）。`,
      days: (field) => spaced`${field}须为整数天数，例如 14。`,
      unexpected: (field) => spaced`${field}的值无效，见 --help。`,
      oneOf: (field, values) => spaced`${field}须为${values.join('、')}之一。`,
      promptDate: (field) => spaced`${field}须为有效日期，可写作${DATE_FORMS}。`,
      promptCard: (field) => spaced`${field}须为 9 位字母或数字。`,
      promptEmpty: (field) => spaced`${field}不能为空。`,
      missingOption: (field) => spaced`缺少${field}：请在命令行中提供（见 --help）。`,
      confirmationRequired: '此操作不可撤销，且没有终端可供确认：如确定执行，请加 --yes。',
      notConfirmed: '未确认，未做任何更改。',
      invalidAsOf: spaced`--as-of 须为${EARLIEST_DATE}至${LATEST_DATE}之间的有效日期，可写作${DATE_FORMS}。`,
      invalidToday: spaced`SSCARD_TODAY 须为${EARLIEST_DATE}至${LATEST_DATE}之间的有效日期，可写作${DATE_FORMS}：请改正或删除该环境变量。`,
    } satisfies Messages['input']);
  },

  get ask() {
    return built(this, 'ask', {
      id: '身份证号码（即社会保障号码）',
      holderId: '持卡人的身份证号码',
      hiredOn: '入职日期（YYYY-MM-DD）',
      flexibleSince: '灵活就业开始日期（YYYY-MM-DD）',
      employer: '用人单位',
      filed: '社会保险登记是否已经办理？',
      filedNo: '尚未办理（待登记）',
      filedYes: '已办理',
      registeredOn: '办理登记的日期（YYYY-MM-DD）',
      card: '卡号（9 位字母或数字）',
      issuedOn: '制卡日期（YYYY-MM-DD）',
      bank: '发卡银行',
      idDoc: '柜台出示的身份证件原件上的号码',
      oldCard: '被替换的卡号',
      newCard: '新卡号',
      leaverId: '离职人员的身份证号码',
      leftOn: '离职日期（YYYY-MM-DD）',
      revokeReason: '撤销原因',
      ecardChannel: '在哪里申领的？',
      confirmCancel: (card) => spaced`注销卡${card}？此操作不可撤销。`,
      confirmReplace: (card, newCard) => spaced`用新卡${newCard}补换卡${card}？旧卡将永久停用。`,
      confirmPurge: (id) => spaced`删除${id}及其全部记录？此操作不可撤销。`,
      confirmRevoke: (events) => spaced`撤销${events.join('；')}？`,
      backupFile: '要创建的备份文件',
      importFile: '要导入的文件',
      keys: { navigate: '移动', select: '选择' },
    } satisfies Messages['ask']);
  },

  get usage() {
    return built(this, 'usage', {
      unknownOption: (flag) => spaced`未知选项 '${flag}'`,
      unknownCommand: (name) => spaced`未知命令 '${name}'`,
      didYouMean: (suggestions) => spaced`（您是否想用${suggestions}？）`,
      missingArgument: (name) => spaced`缺少必需参数 '${name}'`,
      optionMissingArgument: (flags) => spaced`选项 '${flags}' 缺少值`,
      invalidChoice: (flags, value, choices) => spaced`选项 '${flags}' 的值 '${value}' 无效，可选值：${choices}。`,
      excessArguments: (command, expected, got) => spaced`命令 '${command}' 的参数过多：应为${expected}个，实际${got}个。`,
      missingMandatory: (flags) => spaced`缺少必需选项 '${flags}'`,
      conflictingOption: (first, second) => spaced`${first}不能与${second}同时使用`,
      errorPrefix: '错误：',
    } satisfies Messages['usage']);
  },

  help: {
    usage: '用法：',
    options: '选项：',
    commands: '命令：',
    arguments: '参数：',
    globalOptions: '全局选项：',
    examples: '示例：',
    helpOption: '显示此命令的帮助',
    helpCommand: '显示命令的帮助',
    versionOption: '显示版本号',
    extra: (choices, byDefault) => spaced`（${[choices && `可选值：${choices}`, byDefault && `默认：${byDefault}`].filter(Boolean).join('；')}）`,
    program: {
      description: '社会保障卡台账：激活期限、电子社保卡、用人单位的参保登记期限。',
      db: '台账文件，或共享台账的 postgres://user@host/db[?schema=NAME]（默认：$SSCARD_DB，否则为 $XDG_DATA_HOME 或 ~/.local/share 下的 sscard/sscard.db）',
      asOf: '按此日期计算，YYYY-MM-DD（默认：$SSCARD_TODAY，否则为北京时间今天）',
      json: '输出一个 JSON 文档',
      reveal: '显示完整身份证号码（不打码）',
      noColor: '不使用颜色（亦可设 NO_COLOR）',
      lang: '提示语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）',
      examples: [
        spaced`sscard status ${ID}`,
        spaced`sscard register-employee --id ${ID} --employer "北京某某有限公司" --hired-on 2026-09-01 --pending`,
        'sscard due --within 14',
        'sscard guide activate --lang zh',
      ],
    },
    get status() {
      return built(this, 'status', {
        description: '社保卡是否已激活、是否有有效的电子社保卡、哪些参保登记即将到期',
        id: '身份证号码（即社会保障号码）；未提供时在终端中询问',
        examples: [`sscard status ${ID}`, `sscard status ${ID} --json --as-of 2026-10-09`],
      } satisfies Messages['help']['status']);
    },
    get registerEmployee() {
      return built(this, 'registerEmployee', {
        description: '记录入职及其社会保险登记（自用工之日起 30 日内，《社会保险法》第五十八条）',
        id: '员工的身份证号码',
        hiredOn: '入职日期，YYYY-MM-DD',
        name: '员工姓名',
        employer: '用人单位',
        registeredOn: '办理登记的日期',
        pending: '尚未办理登记',
        flexible: '灵活就业：个人参保，无期限',
        base: '月缴费基数（元），用于估算逾期参保登记的费用',
        examples: [
          spaced`sscard register-employee --id ${ID} --name "王芳" --employer "北京某某有限公司" --hired-on 2026-09-01 --pending`,
          spaced`sscard register-employee --id ${ID} --employer "北京某某有限公司" --hired-on 2026-09-01 --registered-on 2026-09-20`,
        ],
      } satisfies Messages['help']['registerEmployee']);
    },
    get activate() {
      return built(this, 'activate', {
        description: '记录持卡人本人在发卡银行网点激活社保卡',
        card: '要激活的卡',
        idDoc: '在柜台出示的身份证件原件上的号码',
        on: '激活日期（默认：今天）',
        outlet: '银行网点',
        guardianId: '持卡人未满 16 周岁时：代为激活的监护人',
        examples: [
          spaced`sscard activate --card A12345678 --id-doc ${ID} --outlet "工商银行朝阳支行"`,
          spaced`sscard activate --card A12345678 --id-doc ${ID} --on 2026-10-12`,
          spaced`sscard activate --card B98765432 --id-doc 110105201211240033 --guardian-id ${ID}`,
        ],
      } satisfies Messages['help']['activate']);
    },
    get leave() {
      return built(this, 'leave', {
        description: '记录离职：档案和社会保险关系应在 15 日内转移（《劳动合同法》第五十条）',
        id: '离职人员的身份证号码',
        employer: '离开的用人单位（与入职记录一致）',
        leftOn: '最后工作日，YYYY-MM-DD',
        hiredOn: '同一单位有多次入职时：指明哪一次',
        doneOn: '档案和社会保险关系已于此日转移',
        examples: [
          spaced`sscard leave --id ${ID} --employer "北京某某有限公司" --left-on 2026-11-30`,
          spaced`sscard leave --id ${ID} --employer "北京某某有限公司" --left-on 2026-11-30 --done-on 2026-12-08`,
        ],
      } satisfies Messages['help']['leave']);
    },
    get revoke() {
      return built(this, 'revoke', {
        description: '撤销记错的事件；它们仍留在历史记录中，标记为已撤销',
        seq: '事件序号，见 `sscard history`',
        reason: '记录有误的原因',
        yes: '不再询问确认',
        examples: ['sscard revoke 3 --reason "误记为已登记" --yes', 'sscard revoke 7 8 --reason "卡号有误"'],
      } satisfies Messages['help']['revoke']);
    },
    card: { description: '实体社保卡：制卡、领卡、挂失、补换、注销' },
    get cardIssue() {
      return built(this, 'cardIssue', {
        description: '记录为某人制作的社保卡',
        id: '持卡人的身份证号码',
        card: '卡号：9 位字母或数字',
        bank: '发卡银行',
        issuedOn: '制卡日期（默认：今天；在终端中会询问）',
        name: '持卡人姓名',
        policy: '发卡所依据的卡政策（默认：$SSCARD_POLICY，否则为 seed；见 `sscard policies`）',
        expiresOn: '卡面印制的有效期（如有）',
        generation: '社保卡代次；第三代卡自制卡起即有电子社保卡（默认：2）',
        examples: [
          spaced`sscard card issue --id ${ID} --card A12345678 --bank 工商银行 --issued-on 2026-03-01`,
          'sscard card issue --id 44030419900307123X --card G00000001 --bank 工商银行 --policy guangdong --issued-on 2025-01-10 --expires-on 2035-01-10',
        ],
      } satisfies Messages['help']['cardIssue']);
    },
    get cardReceive() {
      return built(this, 'cardReceive', {
        description: '持卡人已领到卡：自领卡之日起算的期限开始计算',
        card: '卡号',
        on: '领卡日期（默认：今天）',
        examples: ['sscard card receive --card A12345678 --on 2026-03-31', 'sscard card receive --card A12345678'],
      } satisfies Messages['help']['cardReceive']);
    },
    get cardReportLoss() {
      return built(this, 'cardReportLoss', {
        description: '社保卡已挂失：正式挂失，或用 --temporary 临时挂失',
        card: '卡号',
        temporary: '临时挂失：按卡政策规定的天数后失效',
        on: '挂失日期（默认：今天）',
        examples: ['sscard card report-loss --card A12345678', 'sscard card report-loss --card A12345678 --temporary --on 2026-05-01'],
      } satisfies Messages['help']['cardReportLoss']);
    },
    get cardApply() {
      return built(this, 'cardApply', {
        description: '已申领社保卡：制卡中，制成后用 `card issue` 记录',
        id: '申领人的身份证号码',
        on: '申领日期（默认：今天）',
        policy: '申领时适用的卡政策（默认：$SSCARD_POLICY，否则 seed；见 `sscard policies`）',
        generation: '卡的代次；第三代社保卡申领时即生成电子社保卡（默认：2）',
        examples: [`sscard card apply --id ${ID} --on 2026-03-01`, 'sscard card apply --id 44030419900307123X --policy guangdong --generation 3'],
      } satisfies Messages['help']['cardApply']);
    },
    get cardReady() {
      return built(this, 'cardReady', {
        description: '卡已到网点待领（网点签收，待领卡）',
        card: '卡号',
        on: '到达网点日期（默认：今天）',
        outlet: '待领网点',
        examples: ['sscard card ready --card G00000001 --outlet "工行天河支行" --on 2025-01-20'],
      } satisfies Messages['help']['cardReady']);
    },
    get cardFail() {
      return built(this, 'cardFail', {
        description: '制卡失败（例如相片未通过）：须重新申领',
        id: '申领人的身份证号码',
        on: '制卡失败日期（默认：今天）',
        reason: '失败原因（网点或 App 的说明）',
        examples: [`sscard card fail --id ${ID} --reason "相片未通过"`],
      } satisfies Messages['help']['cardFail']);
    },
    get cardSetPolicy() {
      return built(this, 'cardSetPolicy', {
        description: '更正卡记录的卡政策（记为一条事件，卡的历史保留）',
        card: '卡号',
        policy: '正确的卡政策（见 `sscard policies`）',
        examples: ['sscard card set-policy --card G00000001 --policy guangzhou'],
      } satisfies Messages['help']['cardSetPolicy']);
    },
    get cardFound() {
      return built(this, 'cardFound', {
        description: '挂失的卡已找回（解挂）：恢复到挂失前的状态',
        card: '卡号',
        on: '找回日期（默认：今天）',
        examples: ['sscard card found --card A12345678', 'sscard card found --card A12345678 --on 2026-05-03'],
      } satisfies Messages['help']['cardFound']);
    },
    get cardReplace() {
      return built(this, 'cardReplace', {
        description: '补换卡：新卡取代旧卡',
        card: '被替换的卡',
        newCard: '新卡',
        on: '新卡制卡日期（默认：今天）',
        bank: '新卡的发卡银行（默认：与旧卡相同）',
        reason: 'loss（须已正式挂失）、damage、expiry 或 change',
        policy: '新卡的卡政策（默认：与旧卡相同）',
        yes: '不再询问确认',
        examples: [
          'sscard card replace --card A12345678 --new-card B12345678 --yes',
          'sscard card replace --card A12345678 --new-card B12345678 --on 2026-11-10 --bank 工商银行',
        ],
      } satisfies Messages['help']['cardReplace']);
    },
    get cardCancel() {
      return built(this, 'cardCancel', {
        description: '社保卡已注销，例如持卡人去世或移居境外',
        card: '卡号',
        on: '注销日期（默认：今天）',
        yes: '不再询问确认',
        examples: ['sscard card cancel --card A12345678 --yes', 'sscard card cancel --card A12345678 --on 2026-11-20'],
      } satisfies Messages['help']['cardCancel']);
    },
    ecard: { description: '电子社保卡' },
    get ecardClaim() {
      return built(this, 'ecardClaim', {
        description: '记录已在线申领电子社保卡',
        id: '持卡人的身份证号码',
        channel: '申领渠道：wechat、alipay、12333、bank-app、gov-platform、unionpay 或 local-app（也可用中文：微信、支付宝、云闪付……）',
        on: '申领日期（默认：今天）',
        examples: [`sscard ecard claim --id ${ID} --channel wechat`, `sscard ecard claim --id ${ID} --channel 12333 --on 2026-04-02`],
      } satisfies Messages['help']['ecardClaim']);
    },
    get enable() {
      return built(this, 'enable', {
        description: '记录社保卡的社保功能已启用：线上、窗口、银行网点或医院',
        card: '卡号',
        on: '启用日期（默认：今天）',
        channel: 'window、bank、online 或 hospital',
        examples: ['sscard enable --card G00000001 --channel online --on 2025-02-02', 'sscard enable --card A12345678'],
      } satisfies Messages['help']['enable']);
    },
    get policies() {
      return built(this, 'policies', {
        description: '卡政策：激活期限、后果、挂失规则及其依据',
        id: '某一项政策',
        examples: ['sscard policies', 'sscard policies guangdong --json'],
      } satisfies Messages['help']['policies']);
    },
    get due() {
      return built(this, 'due', {
        description: '待办事项：台账中所有未到期和已逾期的期限，逾期的在前',
        within: '只显示 DAYS 天内到期的（逾期的总会显示）',
        check: '有逾期事项时以 3 退出（用于每日定时任务）',
        employer: '只显示该用人单位的期限',
        kind: '只显示一类期限',
        format: 'text、json 或 ics（iCalendar 文件，可导入 Outlook、钉钉、飞书、手机日历）',
        byEmployer: '不列出各项，只列出各用人单位未办和已逾期的参保登记与离职转移数',
        examples: [
          'sscard due',
          'sscard due --within 14 --employer "北京某某有限公司"',
          'sscard due --employer "北京某某有限公司" --format ics > 期限.ics',
          'sscard due --check --json > agenda.json || mail-hr agenda.json',
        ],
      } satisfies Messages['help']['due']);
    },
    get people() {
      return built(this, 'people', {
        description: '台账中的所有人，每人一行：社保卡、电子社保卡、未办期限',
        employer: '只显示该用人单位录用的人',
        name: '只显示姓名包含此文字的人',
        examples: ['sscard people', 'sscard people --employer "北京某某有限公司"', 'sscard people --name 王 --json'],
      } satisfies Messages['help']['people']);
    },
    get serve() {
      return built(this, 'serve', {
        description: '在本机以网页查看台账：待办、人员、历史、导入（SPEC 2.5）',
        port: '监听的端口（默认：任一空闲端口）',
        host: '监听的地址（默认 127.0.0.1，仅本机）',
        noOpen: '只显示地址，不打开浏览器',
        allowRemote: '允许其他电脑可访问的地址（此时地址中的令牌是唯一的保护）',
        examples: ['sscard serve', 'sscard serve --port 8080 --no-open'],
      } satisfies Messages['help']['serve']);
    },
    get import() {
      return built(this, 'import', {
        description: '从 HR 现有的花名册批量导入入职、离职和社保卡记录（任何一行有误则不写入）',
        file: 'xlsx、csv、tsv 或 txt（UTF-8 或 GB18030，中文或英文表头）、JSON 导出文件，或 - 表示标准输入；未提供时在终端中询问',
        dryRun: '按导入时的规则检查每一行，不写入',
        skipInvalid: '导入正确的行，报告错误的行',
        sheet: 'xlsx 文件中的工作表（默认：第一个）',
        headerRow: '列名（表头）所在的行（默认：前 10 行中第一个含身份证号列的行）',
        examples: [
          'sscard import 花名册.xlsx --dry-run',
          'sscard import roster-gbk.csv',
          'sscard import hires.csv --skip-invalid',
          'sscard export --format json --reveal | sscard --db copy.db import -',
        ],
      } satisfies Messages['help']['import']);
    },
    get export() {
      return built(this, 'export', {
        description: '导出台账，可用 import 重新导入：csv 或 xlsx 为 import 的列，json 含全部事件',
        format: 'csv（带 BOM 的 UTF-8）、xlsx（身份证号为文本，日期为日期）或 json（全部事件）',
        headers: '列名用英文或中文',
        examples: [
          'sscard export --reveal > ledger.csv',
          'sscard export --format xlsx --headers zh --reveal > 台账.xlsx',
          'sscard export --format json --reveal > ledger.json',
        ],
      } satisfies Messages['help']['export']);
    },
    get template() {
      return built(this, 'template', {
        description: '空白花名册模板：只有 import 所读各列的表头',
        format: 'csv（带 BOM 的 UTF-8）或 xlsx（身份证号和代码列为文本格式，日期列为日期格式）',
        headers: '列名用英文或中文',
        examples: ['sscard template --format xlsx --headers zh > 花名册模板.xlsx', 'sscard template > roster.csv'],
      } satisfies Messages['help']['template']);
    },
    get history() {
      return built(this, 'history', {
        description: '某人的全部记录事件，按时间先后',
        id: '身份证号码；未提供时在终端中询问',
        examples: [`sscard history ${ID}`, `sscard history ${ID} --json`],
      } satisfies Messages['help']['history']);
    },
    get calendar() {
      return built(this, 'calendar', {
        description: '已知哪些年份的节假日安排及其来源；导入新公布的安排',
        examples: ['sscard calendar', 'sscard calendar load 2027.json'],
      } satisfies Messages['help']['calendar']);
    },
    get calendarLoad() {
      return built(this, 'calendarLoad', {
        description: '导入某年的官方节假日安排（holiday-cn 的 JSON 格式）；该年以它为准',
        file: '安排文件，例如 holiday-cn 的 2027.json',
        yes: '该年已导入不同的安排时直接替换，不再询问',
        examples: ['sscard calendar load 2027.json', 'sscard calendar load 2027.json --yes'],
      } satisfies Messages['help']['calendarLoad']);
    },
    get employer() {
      return built(this, 'employer', {
        description: '用人单位记录：统一社会信用代码和参保地',
        examples: [
          'sscard employer add "Acme Ltd" --uscc 91110000600037341L --city 北京',
          'sscard employer list',
          'sscard employer set "Acme Ltd" --city 上海',
        ],
      } satisfies Messages['help']['employer']);
    },
    get employerAdd() {
      return built(this, 'employerAdd', {
        description: '登记用人单位、统一社会信用代码（校验）和参保地',
        name: '用人单位名称，与入职记录中的一致',
        uscc: '统一社会信用代码（18 位，GB 32100-2015）',
        city: '参保地（适用其缴费数据的城市），例如北京或 Beijing',
        examples: ['sscard employer add "Acme Ltd" --uscc 91110000600037341L --city 北京'],
      } satisfies Messages['help']['employerAdd']);
    },
    employerList: { description: '已登记的用人单位及其代码和参保地', examples: ['sscard employer list', 'sscard employer list --json'] },
    get employerSet() {
      return built(this, 'employerSet', {
        description: '更改用人单位的参保地（或补充统一社会信用代码）',
        examples: ['sscard employer set "Acme Ltd" --city 上海'],
      } satisfies Messages['help']['employerSet']);
    },
    get rates() {
      return built(this, 'rates', {
        description: '各城市各年度缴费数据：缴费基数上下限、费率、缴费期限、增员/减员截止日及来源',
        city: '某个城市（例如北京、Beijing）',
        examples: ['sscard rates', 'sscard rates 北京', 'sscard rates load contributions-2026.json'],
      } satisfies Messages['help']['rates']);
    },
    get ratesLoad() {
      return built(this, 'ratesLoad', {
        description: '将更新的缴费年度（data/contributions.json 格式）导入台账',
        file: '数据文件，例如 contributions-2026.json',
        examples: ['sscard rates load contributions-2026.json'],
      } satisfies Messages['help']['ratesLoad']);
    },
    get backup() {
      return built(this, 'backup', {
        description: '台账的一致性副本，其他进程写入时也可安全备份',
        file: '要创建的备份文件；未提供时在终端中询问',
        force: '文件已存在时覆盖',
        examples: ['sscard backup ~/sscard-2026-11-24.db', 'sscard backup /mnt/usb/sscard.db --force'],
      } satisfies Messages['help']['backup']);
    },
    get copy() {
      return built(this, 'copy', {
        description: '在台账文件与共享的 PostgreSQL 台账之间复制整个台账（含全部事件；目标须为空）',
        from: '要复制的台账：文件，或 postgres:// 地址',
        to: '复制到：新文件，或空 schema 的 postgres:// 地址',
        examples: [
          'sscard copy --from ~/.local/share/sscard/sscard.db --to postgres://hr@db.example.internal/sscard',
          'sscard copy --from postgres://hr@db.example.internal/sscard --to team-2026-11-30.db',
        ],
      } satisfies Messages['help']['copy']);
    },
    get check() {
      return built(this, 'check', {
        description: '台账的完整性检查、结构版本和记录数',
        examples: ['sscard check', 'sscard check --json --db ~/sscard-2026-11-24.db'],
      } satisfies Messages['help']['check']);
    },
    get purge() {
      return built(this, 'purge', {
        description: '删除某人及其全部记录和事件（删除权）',
        id: '身份证号码；未提供时在终端中询问',
        yes: '不再询问确认',
        examples: [`sscard purge ${ID}`, `sscard purge ${ID} --yes`],
      } satisfies Messages['help']['purge']);
    },
    get guide() {
      return built(this, 'guide', {
        description: '离线指南：如何申领和领取社保卡、激活、启用社保功能、挂失、申领电子社保卡、选择卡政策、为员工办理参保登记和离职减员',
        topic: 'apply、activate、enable、loss、ecard、policy、register 或 leave（默认：全部）',
        examples: ['sscard guide activate', 'sscard guide apply', 'sscard guide ecard --lang zh', 'sscard guide'],
      } satisfies Messages['help']['guide']);
    },
    get completion() {
      return built(this, 'completion', {
        description: '输出命令行补全脚本',
        shell: 'bash、zsh 或 fish',
        examples: [
          'source <(sscard completion bash)',
          'sscard completion zsh > ~/.zfunc/_sscard',
          'sscard completion fish > ~/.config/fish/completions/sscard.fish',
        ],
      } satisfies Messages['help']['completion']);
    },
  },

  get calendar() {
    return built(this, 'calendar', {
      sources: { package: '官方安排（chinese-days 软件包）', loaded: '官方安排（已导入）', provisional: '暂定：按《全国年节及纪念日放假办法》推算，无调休' },
      loadedFrom: (file, on) => spaced`，${on}从${file}导入`,
      howToLoad: '国务院办公厅每年约 11 月公布次年安排；公布后用 `sscard calendar load 年份.json`（holiday-cn 格式）导入。',
      askFile: '年度安排文件（holiday-cn 格式的 JSON）',
      confirmReplace: (year, file, on) => spaced`${year}年已于${on}从${file}导入了不同的安排，是否替换？`,
      replaceNeedsYes: (year) => spaced`已导入过不同的${year}年安排，且没有终端可供确认：如确定替换，请加 --yes。`,
      unchanged: (year) => spaced`${year}年的这份安排已导入过，未做更改。`,
      moved: (count) => (count === 0 ? '台账中没有未办结的期限因此变动。' : spaced`变动的未办结期限：${count}项`),
      loaded: (year, off, workdays) => spaced`已导入${year}年官方安排：${off}天放假，${workdays}天调休上班。${year}年的期限自此按此计算，不再是暂定。`,
      unreadable: (file) => spaced`<file.json>：无法读取${file}，请核对路径。`,
      notAFile: (file) => spaced`<file.json>：${file}不是普通文件，请提供年度安排的 JSON 文件。`,
      tooLarge: (file) => spaced`<file.json>：${file}超过 1 MiB，不是年度安排文件。`,
      notJson: (file) => spaced`<file.json>：${file}不是有效的 JSON，请提供 holiday-cn 的年度文件，例如 2027.json。`,
      problem: (file, p) => {
        const at = 'index' in p ? spaced`第${p.index + 1}项` : '';
        switch (p.kind) {
          case 'not-an-object':
            return spaced`${file}不是 holiday-cn 格式：应为 {"year": 2027, "days": [...]}。`;
          case 'year-invalid':
            return spaced`${file}的 year 无效：应为 1900 至 2099 之间的年份，例如 2027。`;
          case 'days-not-a-list':
            return spaced`${file}的 days 不是列表。`;
          case 'days-empty':
            return spaced`${file}中${p.year}年没有任何日期：官方安排可能尚未公布。`;
          case 'day-not-an-object':
            return spaced`${file} ${at}不是 {"name", "date", "isOffDay"}对象。`;
          case 'name-invalid':
            return spaced`${file} ${at}缺少节日名称。`;
          case 'date-invalid':
            return spaced`${file} ${at}的日期不是有效日期（YYYY-MM-DD）。`;
          case 'date-outside-year':
            return spaced`${file} ${at}的日期${p.date}不在${p.year}年内：一份文件只含一年。`;
          case 'off-day-invalid':
            return spaced`${file} ${at}的 isOffDay 须为 true 或 false。`;
          case 'date-repeated':
            return spaced`${file} ${at}的日期${p.date}重复出现。`;
        }
      },
    } satisfies Messages['calendar']);
  },

  get roster() {
    return built(this, 'roster', {
      problem: (p) => {
        const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n.slice(0, 40))).join(', ');
        switch (p.kind) {
          case 'duplicate-column':
            return spaced`表头中${p.column}列出现了两次（${quoted(p.headers)}）；请只保留一列。`;
          case 'missing-id-column':
            return p.searched !== undefined && p.searched > 1
              ? spaced`前${p.searched}行中没有含身份证号列（id 或身份证号）的表头；每一行都需要身份证号。如表头在更下方，请用 --header-row N 指定其所在行。`
              : '表头中没有身份证号列（id 或身份证号）；每一行都需要身份证号。';
          case 'header-row-missing':
            return spaced`--header-row：第${p.line}行为空或超出文件末尾；请给出表头（列名）所在的行。`;
          case 'empty-file':
            return '文件是空的：没有表头行；第一行应为列名，如 id,name,employer,hired_on。';
          case 'not-a-regular-file':
            return spaced`<file>：${p.path}不是普通文件（${{ directory: '目录', device: '设备', fifo: '管道', socket: '套接字', other: '特殊文件' }[p.what]}）；请给出文件路径，或用 - 从标准输入读取。`;
          case 'unreadable':
            return spaced`<file>：无法读取${p.path}（${zh.cause(p.code)}）；请检查路径。`;
          case 'unknown-format':
            return spaced`<file>：${p.path}不是可导入的格式；请用 .xlsx、.csv、.tsv 或 .txt 文件。`;
          case 'nul-byte':
            return spaced`第${p.line}行含有 NUL 字节，这不是文本文件；请从表格软件另存为 CSV。`;
          case 'not-utf8-later':
            return spaced`文件开头是 UTF-8，但第${p.line}行不是；文件混用了两种编码，请另存为 CSV UTF-8。`;
          case 'not-text':
            return spaced`第${p.line}行既不是 UTF-8 也不是 GB18030 文本；请另存为 CSV UTF-8。`;
          case 'workbook-as-text':
            return '这是一个 .xlsx 工作簿（zip 文件），不是文本；请以 .xlsx 扩展名的文件路径给出（标准输入只接受 CSV 文本）。';
          case 'line-too-long':
            return spaced`第${p.line}行超过 1 MiB，这不是一份花名册；请检查文件。`;
          case 'unterminated-quote':
            return spaced`第${p.line}行开始的引号没有结束；请补上结尾的双引号（单元格内的引号写作 ""）。`;
          case 'sheet-not-found':
            return spaced`--sheet：工作簿中没有名为${JSON.stringify(p.sheet)}的工作表；现有：${quoted(p.sheets)}。`;
          case 'bad-xlsx':
            return spaced`<file>：${p.path}不是有效的 .xlsx 工作簿；请在 Excel 中重新另存为 .xlsx。`;
          case 'xlsx-too-large':
            return p.why === 'ratio'
              ? `工作簿的部件 ${p.part} 解压后为 ${p.mib} MiB，超过压缩大小的 ${p.limitMib} 倍，不是电子表格软件写出的文件；未读取任何内容：请把工作表另存为 CSV 再导入。`
              : `工作簿的部件 ${p.part} 解压后为 ${p.mib} MiB，超过 sscard 读取的上限 ${p.limitMib} MiB${p.why === 'memory' ? '（工作簿的共享文本须全部放在内存中）' : ''}；未读取任何内容：请把工作表另存为 CSV 再导入。`;
          case 'xlsx-too-many-strings':
            return spaced`工作簿的共享字符串（不同的文本）超过${p.limit}条，超过 sscard 在内存中保存的上限；未读取任何行：请把工作表另存为 CSV 再导入。`;
        }
      },
      idDamage: (kind) =>
        `身份证号${{ 'number-cell': '是数字单元格', scientific: '是科学计数法', rounded: '末几位被 Excel 舍入为 0' }[kind]}，Excel 已损坏该号码；请将该列设置为“文本”格式，从原始数据重新填入后再导出文件。`,
    } satisfies Messages['roster']);
  },

  get import() {
    return built(this, 'import', {
      askFile: '要导入的文件（xlsx、csv、tsv、json，或 - 表示标准输入）',
      stdinIsTerminal: '<file> 为 -，但标准输入是终端：请用管道或重定向提供文件。',
      stdinTooLarge: (mib) => spaced`标准输入超过${mib} MiB，超出 sscard 保留的上限：请先保存为文件，再导入该文件。`,
      stdinReadTwice: '本次导入读取标准输入期间，另一进程创建了台账，而标准输入无法再读一次；未写入任何内容：请先保存为文件，再导入该文件。',
      maskedRoster: (file, format) =>
        spaced`${file}中的身份证号码已打码（导出时未加 --reveal），无法导入：请用 \`sscard export --format ${format} --reveal\` 重新导出。`,
      ignoredColumns: (names) => `已忽略无法识别的列：${names.join('、')}。`,
      secondOpenHire: (line, id, employer, before, after) =>
        spaced`第${line}行：${id}在${employer}已有一段自${before}起未结束的用工，本行又新增一段自${after}起的用工。如为更正入职日期，请撤销前一段（\`sscard history ${id}\` 可查其事件编号，然后 \`sscard revoke 编号 --reason "更正入职日期"\`）；如两段用工都属实，请为前一段记录离职日期。`,
      moreSecondOpenHires: (n) => spaced`另有${n}行在同一用人单位新增了第二段未结束的用工。`,
      headerAt: (line) => spaced`已将第${line}行作为表头，其上各行（标题）已跳过；如需指定其他行，请用 --header-row N。`,
      headerRow: '--header-row 须为行号（1 或更大），即列名所在的行。',
      progress: { rows: (n) => spaced`${thousands(n)}行`, reading: (rows) => spaced`正在读取……${rows}` },
      badRow: (line, field, message) => spaced`第${line}行，${field}：${message}`,
      moreInvalid: (n) => spaced`另有${n}行无效。`,
      invalidRows: (invalid, rows, dryRun) =>
        spaced`${rows}行中有${invalid}行无效，${dryRun ? '导入时将' : '因此'}不会导入任何内容：请修正，或用 --skip-invalid 导入其余各行。`,
      done: (t, dryRun) =>
        spaced`${dryRun ? '试运行，未写入：' : '已导入：'}${t.rows}行，其中${t.changed}行有更改（${t.events}条记录），${t.unchanged}行已在台账中${t.invalid ? spaced`，${t.invalid}行无效${dryRun ? '，将被跳过' : '已跳过'}` : ''}。`,
      guardianNeeded: '持卡人在该日未满 16 周岁，由监护人代为激活：请在 guardian_id 列填写监护人的身份证号码。',
      activatedOnAnotherDate: (card) => `卡 ${card} 已记录于另一日期激活：台账保留首次记录。`,
      appliedOnAnotherDate: (card) => `卡 ${card} 已记录了另一申领日期（或没有申领记录）：已制出的卡不能补记申领，台账保留原记录。`,
      events: {
        notThisKind: '与该类事件应有的内容不符',
        badId: '不是 18 位身份证号码',
        badOn: '不是 YYYY-MM-DD 格式的有效日期，也不是 null',
        badSeq: '不是整数',
        doesNotFollow: '与此人之前的事件不相符：文件不完整或被改动过',
        differentHistory: '已在台账中且记录不同：JSON 导入只添加新人员',
        badEmployer: '不是用人单位记录（应有名称，统一社会信用代码和参保地为文本或 null）',
        badRates: '不是已导入的缴费年度（应有文件名、导入日期和缴费数据）',
        differentRates: (which) => spaced`含${which}，台账中已有该年度且数据不同：JSON 导入不替换已导入的缴费数据`,
        masked: (file) => `${file} 中的身份证号码已脱敏，无法导入：请用 \`sscard export --format json --reveal\` 重新导出。`,
        notAFile: (file) => `<file>：${file} 不是普通文件。`,
        unreadable: (file) => `<file>：无法读取 ${file}，请核对路径。`,
        tooLarge: (file) => `<file>：${file} 超过 512 MiB，请分批导入。`,
        badLine: (n, file) => `${file} 第 ${n} 行不是 JSON 事件，请重新导出。`,
        notJson: (file) => `${file} 不是有效的 JSON，请提供 \`sscard export --format json\` 导出的文件。`,
        notAnExport: (file, format) => `${file} 不是 sscard 导出的 JSON（format 为 "${format}"，含 events 列表）。`,
      },
    } satisfies Messages['import']);
  },

  get card() {
    return built(this, 'card', {
      notFound: (card) => spaced`台账中没有卡号${card}：请核对卡号，或先用 \`sscard card issue\` 记录。`,
      issued: (card, bank, on, holder, window) =>
        spaced`已记录：卡${card}${bank ? spaced`（${bank}）` : ''}于${on}为${holder}制卡（${window}）。\n持卡人领卡后用 \`sscard card receive\` 记录。`,
      received: (card, on, changed) => (changed ? spaced`已记录：卡${card}于${on}领取。` : spaced`卡${card}已记录于${on}领取，未做更改。`),
      enableBy: (deadline, relative, window) =>
        spaced`请在${deadline}前启用社保功能（${relative}；${window}）：可在线（电子社保卡、掌上12333）、到社保窗口或首次在定点医院使用时启用。`,
      activateBy: (bank, deadline, relative, window) =>
        spaced`请在${deadline}前携带社会保障卡和身份证原件到${bank ?? '发卡银行'}网点激活（${relative}；${window}）；不能在线激活。`,
      alreadyLost: (card, kind, on) => spaced`卡${card}已于${on}${kind === 'temporary' ? '临时' : '正式'}挂失，未做更改。`,
      lostTemporarily: (card, on, until, rule) =>
        spaced`卡${card}已于${on}临时挂失，至${until}止（${rule}）。找回后用 \`sscard card found --card ${card}\` 解挂；补领须先正式挂失（不加 --temporary）。电子社保卡受限。`,
      lostFormally: (card, on) =>
        spaced`卡${card}已于${on}正式挂失：不能再使用或激活，电子社保卡受限（须本人授权使用）；补换卡后用 \`sscard card replace --card ${card} --new-card ...\` 记录。`,
      applied: (holder, on, policy, generation) =>
        spaced`已记录：${holder}于${on}申领社保卡（卡政策${policy}），制卡中。${generation === 3 ? '第三代社保卡：现在即可申领电子社保卡。' : ''}\n卡制成后用 \`sscard card issue\` 记录；制卡失败用 \`sscard card fail\` 记录。`,
      failed: (holder, on, reason) => spaced`${holder}的社保卡于${on}制卡失败${reason ? `（${reason}）` : ''}；请重新申领，并用 \`sscard card apply\` 记录。`,
      ready: (card, on, outlet, window) =>
        spaced`卡${card}自${on}起在${outlet ?? '网点'}待领（${window}）。请持身份证原件领卡，再用 \`sscard card receive\` 记录。`,
      policySet: (card, from, to) => spaced`卡${card}已更正为卡政策${to}（原记录为${from}）；所有查询（包括过去日期）均按${to}计算。`,
      policyHint: (region, id) => spaced`此卡使用默认规则；如卡在${region}办理，请用 --policy ${id}（或用 \`sscard card set-policy --policy ${id}\` 更正）。`,
      found: (card, state) => spaced`卡${card}已解挂，恢复为${state}；已申领的电子社保卡不再受限。`,
      replaced: (card, newCard, on) =>
        spaced`卡${card}已于${on}补换为${newCard}，电子社保卡将在领取新卡后对应新卡（无需重新申领）。\n新卡到手后用 \`sscard card receive\` 记录，并重新启用、激活：新卡按其卡政策有自己的期限。`,
      cancelled: (card, on, changed) => (changed ? spaced`卡${card}已于${on}注销，电子社保卡暂停。` : spaced`卡${card}已于${on}注销，未做更改。`),
    } satisfies Messages['card']);
  },

  get enable() {
    return built(this, 'enable', {
      channels: { window: '在社保服务窗口', bank: '在服务银行网点', online: '在线', hospital: '在定点医院或药店首次使用时' },
      unchanged: (card, on) => spaced`卡${card}的社保功能已于${on}启用，未做更改。`,
      enabled: (card, on, how) => spaced`卡${card}的社保功能已于${on}${how ? `${how}` : ''}启用。`,
      notActivated: (bank) =>
        spaced`金融功能尚未激活：须本人携带社会保障卡和身份证原件到${bank ?? '发卡银行'}网点激活（不能在线激活）；见 \`sscard guide activate\`。`,
    } satisfies Messages['enable']);
  },

  get activate() {
    return built(this, 'activate', {
      unchanged: (card, on) => spaced`卡${card}已于${on}激活，未做更改。`,
      activated: (card, on, outlet) => spaced`卡${card}已于${on}激活${outlet ? spaced`（${outlet}）` : ''}。`,
      byGuardian: (guardian) => spaced`由监护人${guardian}代为办理，已记录。`,
      late: (days, deadline, consequence) =>
        spaced`晚于激活期限${deadline} ${days}天；${consequence === 'social-function-suspended' ? '自激活之日起社保功能恢复' : '自激活之日起医保卡恢复正常'}。`,
      activatedEcard: '现已有已激活的电子社保卡。',
      claimedInactive: '已申领电子社保卡，但当前无效。',
      noEcard: '尚未申领电子社保卡：激活实体卡不会自动生成电子社保卡。微信申领：我 -> 服务 -> 城市服务 -> 社保 -> 电子社保卡 -> 立即添加。',
    } satisfies Messages['activate']);
  },

  get ecardClaim() {
    return built(this, 'ecardClaim', {
      notFound: (id) => spaced`台账中没有${id}的记录：请先用 \`sscard card issue\` 记录发卡。`,
      claimed: (on, channel) => spaced`已记录：电子社保卡于${on}申领${channel ? spaced`（${channel}）` : ''}。`,
      unchanged: (on) => spaced`电子社保卡已于${on}申领，未做更改。`,
      activated: '对应的社会保障卡已激活：有已激活的电子社保卡。',
      notActivated: (card, state) => `申领电子社保卡不等于实体卡已激活：卡 ${card} ${state}。请携带卡和身份证原件到发卡银行网点激活。`,
      cardBeingMade: '申领电子社保卡不等于实体卡已激活：实体卡仍在制作中。制成并领取后，请携带卡和身份证原件到发卡银行网点激活。',
    } satisfies Messages['ecardClaim']);
  },

  get registerEmployee() {
    return built(this, 'registerEmployee', {
      pendingAndRegistered: '--pending 与 --registered-on 互相矛盾：请只用其一。',
      badBase: '--base：请填写以元为单位的月缴费基数，最多两位小数的正数，例如 8000 或 8000.50。',
      baseFlexible: '--base 是用人单位为职工申报的缴费基数；灵活就业人员自行选择缴费档次：请去掉 --base。',
      head: (action, who, by, hiredOn) =>
        spaced`${{ create: '已记录：', complete: '已补记登记：', unchanged: '已有记录，未做更改：' }[action]}${who}，${by}，${hiredOn}入职。`,
      registration: (state) => `参保登记：${state}`,
    } satisfies Messages['registerEmployee']);
  },

  get employerFilter() {
    return built(this, 'employerFilter', {
      noMatch: (typed, close) =>
        `台账中没有名为“${typed}”的用人单位${close.length > 0 ? `；是否要找：${close.map((c) => `“${c}”`).join('、')}？` : '；`sscard people` 可列出所有人员及其用人单位。'}`,
    } satisfies Messages['employerFilter']);
  },

  get leave() {
    return built(this, 'leave', {
      notFound: (id) => spaced`台账中没有${id}的记录：请先用 \`sscard register-employee\` 记录入职。`,
      recorded: (who, employer, leftOn, hiredOn) => spaced`已记录：${who}于${leftOn}从${employer}离职（${hiredOn}入职）。`,
      unchanged: (who, employer, leftOn) => spaced`已有记录，未做更改：${who}于${leftOn}从${employer}离职。`,
      duty: '用人单位须在解除或终止劳动合同后十五日内为劳动者办理档案和社会保险关系转移手续（《劳动合同法》第五十条）；失业的，还须及时向社会保险经办机构报告（《社会保险法》第五十条）。办理后用 `sscard leave ... --done-on 日期 ` 记录。',
    } satisfies Messages['leave']);
  },

  get revoke() {
    return built(this, 'revoke', {
      missingSeq: '缺少事件序号：用 `sscard history <身份证号>` 查看序号。',
      invalidReason: '--reason 须为 1 至 500 个字符的说明。',
      invalidSeq: (text) => `事件序号 '${text}' 无效：须为正整数，见 \`sscard history\`。`,
      notFound: (seqs) => spaced`台账中没有序号为${seqs.join('、')}的事件：请用 \`sscard history\` 查看。`,
      revoked: (event, id) => spaced`已撤销${event}（${id}）`,
      reason: (reason) => `原因：${reason}。原记录保留在历史中；如需更正，请用相应命令记录正确的事实。`,
      isRevocation: (seq) => spaced`#${seq}本身是撤销记录，不能撤销：请重新记录正确的事实。`,
      alreadyRevoked: (seq, by) => spaced`#${seq}已由 #${by}撤销。`,
      personRecord: (seq) => spaced`#${seq}是此人的首条记录，不能撤销：更正姓名请用 --name，删除此人请用 \`sscard purge\`。`,
      dependents: (seqs) => `仍有记录依赖于要撤销的事件：${seqs.map((s) => `#${s}`).join('、')}；如确需撤销，请在同一命令中一并撤销它们。未做任何更改。`,
    } satisfies Messages['revoke']);
  },

  get ledger() {
    return built(this, 'ledger', {
      purged: (id, events) => spaced`已删除${id}及其全部记录（${events}条）。`,
      purgedStale: (id) => spaced`台账中已没有${id}的记录，但台账文件或其 -wal 的未用部分仍留有该号码的副本（之前的删除未完成），现已清除。`,
      backedUp: (file, bytes) => spaced`已将台账备份到${file}（${bytes}字节）。恢复：停止 sscard，将备份复制到台账文件，再运行 \`sscard check\`。`,
      copied: (from, to, rows) =>
        spaced`已将${from}复制到${to}：${rows.event}条事件，${rows.person}人，${rows.hire}条雇用，${rows.card}张卡，${rows.ecard}张电子卡；两边行数一致。`,
      check: {
        integrity: (state) => `完整性：${state}`,
        ok: '正常',
        damaged: '已损坏',
        replay: (state) => `状态表与事件重放：${state}`,
        agree: '一致',
        differ: (n) => spaced`${n}处不一致`,
        schemaVersion: (version) => `结构版本：${version}`,
        difference: (id, table, cached, replayed) => spaced`${id}，${table}：表中为${cached}；事件重放为${replayed}`,
        restore: RESTORE,
        tables: { person: '人员', hire: '用工', card: '社保卡', ecard: '电子社保卡', event: '事件' },
      },
    } satisfies Messages['ledger']);
  },

  get copy() {
    return built(this, 'copy', {
      askFrom: '要复制的台账（文件，或 postgres:// 地址）',
      askTo: '复制到的台账（新文件，或空 schema 的 postgres:// 地址）',
      ontoItself: (to) => spaced`--to：${to}就是被复制的台账；请换一个目标。`,
      noSource: (from) => spaced`--from：${from}处没有台账；请检查路径或地址。`,
      notEmpty: (to) => spaced`--to：${to}已有台账，因此未复制任何内容；请复制到新文件或空 schema（?schema=名称）。`,
      countsDiffer: (to, from, table, copied, source) =>
        spaced`${to}中的副本有${copied}行${table}，而${from}有${source}行；请勿使用该副本，并对两者运行 \`sscard check\`。`,
      checkFailed: (to) => spaced`${to}中的副本未通过 \`sscard check\`；请勿使用，并对两个台账运行 \`sscard check\`。`,
    } satisfies Messages['copy']);
  },

  get row() {
    return built(this, 'row', {
      idEmpty: '为空；每行都须填写身份证号码',
      idNumber: '该号码',
      notADate: '不是有效日期，请写成 YYYY-MM-DD',
      outOfRange: spaced`须在${EARLIEST_DATE}至${LATEST_DATE}之间`,
      badName: '超过 200 个字符或含有控制字符',
      uscc: (problem) =>
        `不是有效的统一社会信用代码：${{ length: '应为 18 位', character: '由数字和除 I、O、S、V、Z 以外的大写字母组成', division: '第 3 至 8 位应为 6 位数字', check: '第 18 位校验码与前 17 位不符' }[problem]}`,
      employerRecordWithoutEmployer: '已填写，但该行没有用人单位',
      base: '不是以元为单位的月缴费基数（最多两位小数的正数，例如 8000 或 8000.50）',
      employerRefused: (why) => why,
      hireMissing: '为空，但该行填写了用人单位、参保或离职列',
      leftWithoutEmployer: (col) => spaced`为空，但该行填写了${col('left_on')}：请写明离职的用人单位`,
      doneWithoutLeaving: (col) => spaced`为空，但该行填写了${col('separation_done_on')}`,
      hireKind: '须为 employee（单位职工）或 flexible（灵活就业）',
      cardNumber: '须为 9 位字母或数字',
      policy: (known) => spaced`不是已知的卡政策；已知的有${known}（见 \`sscard policies\`）`,
      guardianWithoutActivation: (col) => spaced`为空，但填写了${col('guardian_id')}：监护人随激活一并记录`,
      cardState: '须为 lost、lost-temporary 或 cancelled（挂失、临时挂失、注销），在用的卡留空',
      cardStatePair: (col) => spaced`须与${col('card_ended_on')}/${col('card_state')}同时填写；在用的卡两者都留空`,
      cardColumns: '为空，但该行填写了卡的列',
      channel: (channels) => `须为以下之一：${channels}`,
      claimedOnMissing: (col) => spaced`为空，但填写了${col('ecard_channel')}`,
      generation: '须为 2 或 3（第二代、第三代社保卡）',
      outletWithoutReady: (col) => spaced`为空，但填写了${col('ready_outlet')}：领卡网点随网点签收日期一并记录`,
      reasonWithoutFailure: (col) => spaced`为空，但填写了${col('failure_reason')}`,
      failureWithoutApplication: (col) => spaced`为空，但填写了${col('failed_on')}：制卡失败须有其申领日期`,
      failedWithCard: (col) => spaced`已填写，但该行有${col('card_number')}：制卡失败并未制出卡（卡请另起一行）`,
    } satisfies Messages['row']);
  },

  get due() {
    return built(this, 'due', {
      cutoff: (kind, date, month) =>
        spaced`${kind === 'registration' ? '增员' : '减员'}申报截止：${date}前申报，${month}${kind === 'registration' ? '起参保' : '起停止缴费'}（逾期申报次月生效）`,
      kinds: { registration: '参保登记', separation: '离职转移', activation: '激活', collection: '领卡', renewal: '换领' },
      header: ['期限', '剩余', '事项', '身份证号', '姓名', '对象', '说明'],
      card: (number) => `卡 ${number}`,
      nothing: (today, within) => `截至 ${today}，${within !== null ? `${within} 天内` : ''}没有到期或逾期的事项。`,
      total: (open, overdue) => `共 ${open} 项未办，${overdue} 项已逾期。`,
      byEmployer: { header: ['用人单位', '未办', '逾期'], none: '（未填单位）', nothing: '没有未办的参保登记或离职转移。' },
    } satisfies Messages['due']);
  },

  get template() {
    return built(this, 'template', {
      xlsxToTerminal: 'xlsx 是二进制文件：请重定向到文件，例如 `sscard template --format xlsx > 花名册模板.xlsx`。',
    } satisfies Messages['template']);
  },

  get export() {
    return built(this, 'export', {
      xlsxToTerminal: 'xlsx 是二进制文件：请重定向到文件，例如 `sscard export --format xlsx > 台账.xlsx`。',
      masked: '身份证号码已脱敏；如需可由 `sscard import` 重新导入的文件，请加 --reveal。',
    } satisfies Messages['export']);
  },

  get people() {
    return built(this, 'people', {
      nothingOpen: '无未办事项',
      open: (open, overdue, next) => spaced`${open}项未办${overdue ? spaced`（${overdue}项逾期）` : ''}，最近${next}`,
      noCard: '无卡',
      nobody: '没有符合条件的人员。',
      header: ['身份证号', '姓名', '用人单位', '入职日期', '社会保障卡', '电子社保卡', '未办事项'],
      moreHires: (n) => `（另有 ${n} 处）`,
      total: (count) => spaced`共${count}人。`,
    } satisfies Messages['people']);
  },

  get web() {
    return built(this, 'web', {
      serving: (url) => spaced`sscard 已在${url}提供台账\n请在浏览器中打开此地址（其中含访问令牌）；按 Ctrl-C 停止。`,
      remoteWarning: (host) => spaced`正在监听${host}，其他电脑可能访问到：此时地址中的令牌是唯一的保护。请勿告诉他人，用完请停止服务。`,
      remoteNeedsFlag: (host) => spaced`--host ${host}不只是本机；如要为其他电脑提供服务，请加 --allow-remote（此时令牌是唯一的保护）。`,
      invalidPort: (text) => spaced`--port ${text}不是端口号；请给出 1 到 65535 之间的数字，或不给出以使用任一空闲端口。`,
      portInUse: (port) => spaced`端口${port}已被占用；请用 --port 另选一个，或不给出以使用任一空闲端口。`,
      cannotListen: (host, why) => spaced`无法在${host}上监听（${why}）；请检查 --host。`,
      stopped: '已停止。',
      title: 'sscard',
      nav: { agenda: '待办', people: '人员', import: '导入', policies: '卡政策', calendar: '节假日年份' },
      otherLanguage: 'English',
      footer: (ledger, today) => `台账 ${ledger} · 截至 ${today}`,
      noLedger: (ledger) => `${ledger} 还没有台账。导入一份花名册即可创建。`,
      agenda: {
        title: '待办',
        filters: '筛选',
        employer: '用人单位',
        anyEmployer: '全部单位',
        kind: '事项',
        anyKind: '全部事项',
        within: '天数以内',
        show: '显示',
        download: '下载为日历（.ics）',
        header: ['截止日期', '时间', '事项', '身份证号', '姓名', '对象', '说明'],
        nothing: '按此筛选，没有到期或逾期的事项。',
        more: '下一页',
        first: '第一页',
        counts: '各用人单位的未办事项',
        countsHeader: ['用人单位', '未办', '逾期'],
        noEmployer: '（未填单位）',
        countsNote: '参保登记和离职转移；卡的期限不属于任何单位',
        month: (year, month) => spaced`${year}年${month}月的截止日期`,
        previousMonth: '上个月',
        nextMonth: '下个月',
        dayCount: (count) => spaced`${count}项截止`,
        weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
      },
      people: {
        title: '人员',
        search: '姓名，或身份证号的末几位',
        find: '查找',
        none: '没有符合条件的人员。',
        hint: '输入姓名的一部分，或身份证号的末几位（如 002X）。',
        more: '更多',
      },
      person: {
        reveal: '显示完整身份证号',
        hide: '遮蔽身份证号',
        revealed: '应您的要求显示完整身份证号。',
        history: '历史与更正',
        notFound: '此链接已失效（服务已重启，或此人已被清除）；请重新查找此人。',
      },
      history: {
        title: (id) => spaced`${id}的历史`,
        note: '按记录顺序排列；时间为北京时间。错误的事实只能撤销（仍留在历史中并加标记），不会被删除。',
        header: ['序号', '记录时间', '日期', '事件', '详情', '来源'],
        reason: '原因',
        revoke: '撤销',
        revokedBy: (seq, reason) => spaced`已由 #${seq}撤销：${reason}`,
        done: (seq) => spaced`事件 #${seq}已撤销。`,
        reasonRequired: '请填写撤销的原因。',
      },
      import: {
        title: '导入花名册',
        intro: 'xlsx、CSV、TSV 或 TXT 花名册（中文或英文表头），或 JSON 导出文件。先检查文件；确认之前不写入任何内容。',
        file: '花名册文件',
        check: '检查文件',
        preview: (name) => spaced`已检查${name}：尚未写入任何内容。`,
        problems: (invalid) => spaced`${invalid}行无效（见下表）：请修改文件后重新检查，或只导入有效的行。`,
        problemsHeader: ['行', '字段', '问题'],
        moreProblems: (count) => spaced`……另有${count}行。`,
        confirm: '导入',
        confirmGood: '只导入有效的行',
        written: (name) => spaced`已导入${name}。`,
        expired: '此上传已不在（已导入，或服务已重启）；请重新选择文件。',
        noFile: '请选择要导入的文件。',
        badType: '文件须为 .xlsx、.csv、.tsv、.txt 或 .json。',
        tooLarge: (mib) => spaced`文件大于${mib} MiB；请改用 \`sscard import FILE\` 导入。`,
        notes: '提示',
      },
      policies: { title: '卡政策' },
      calendar: { title: '节假日年份', header: ['年份', '来源', '载入日期', '文件'] },
      errors: {
        title: '未完成',
        unauthorized: '此页面需要访问令牌：请打开 `sscard serve` 显示的地址。',
        host: '此服务只响应它显示的地址（其他主机名的请求会被拒绝，以防 DNS 重绑定）。',
        csrf: '此表单已过期或不是来自本页面：请刷新页面后重试。未写入任何内容。',
        notFound: '没有这个页面。',
        method: '此地址不接受这种请求。',
        badRequest: '无法读取此请求。',
        back: '返回待办',
      },
    } satisfies Messages['web']);
  },

  get ics() {
    return built(this, 'ics', {
      calendarName: '社保卡与参保截止日期',
      kinds: {
        collection: '社保卡领卡并激活截止',
        activation: '社保卡激活截止',
        registration: '参保登记截止',
        separation: '离职档案和社保转移截止',
        renewal: '社保卡换领',
      },
      person: (name, id) => `${name}（${id}）`,
      summary: (kind, person, employer) => `${kind}：${person}${employer ? `，${employer}` : ''}`,
      overdue: (days, summary) => spaced`已逾期${days}天：${summary}`,
      wasDue: (date) => spaced`截止日期为${date}`,
      law: {
        registration: '《社会保险法》第五十八条：自用工之日起三十日内办理社会保险登记',
        separation: '《劳动合同法》第五十条：十五日内办理档案和社会保险关系转移',
        activation: '卡政策规定的激活期限',
        collection: '卡已在网点待领；卡政策的期限自制卡之日起算（广东：一年内领卡并激活，否则逾期封存）',
        renewal: '社会保障卡有效期届满前 60 日起可申请换领',
      },
      separator: '；',
    } satisfies Messages['ics']);
  },

  get guide() {
    return built(this, 'guide', {
      topics: {
        apply: {
          title: '申领社会保障卡与领卡（申领、制卡进度、领卡）',
          steps: [
            '持本人身份证件和照片，到社保卡服务银行网点、社保服务窗口申领，或在线申领（电子社保卡、掌上12333、本地政务 App）；用人单位也可为职工集体申领。用 `sscard card apply --id ...` 记录（按发卡地规则加 `--policy ID`，第三代社保卡加 `--generation 3`）。',
            '制卡期间（制卡中）可在 12333、电子社保卡或本地 App 查询制卡进度；`sscard status` 显示已等待多久。第三代社保卡申领即生成电子社保卡，可立即申领电子卡（`sscard ecard claim`）。',
            '卡制成后用 `sscard card issue --id ... --card 卡号` 记录，该申领随之完成。制卡失败（例如照片未通过审核）的，用 `sscard card fail --id ... --reason 原因` 记录，并重新申领。',
            '卡片到达网点（网点签收、待领卡）后，用 `sscard card ready --card ... --outlet 网点` 记录；`sscard status` 显示卡在哪个网点、自何日起待领。',
            '本人持身份证件领卡（`sscard card receive`），然后启用社保功能、到银行激活金融功能（见 `sscard guide activate`）。激活期限自制卡之日起算的地方（广东：制卡后一年内未领取激活的，逾期封存，须重新申领），`sscard due` 会列出待领卡事项。',
          ],
        },
        policy: {
          title: '卡适用哪些规则：卡政策',
          steps: [
            '激活期限、逾期后果、挂失如何失效、卡片有效期，均由发卡的省、市规定，而非全国统一。sscard 把各地规则及其出处作为卡政策保存：`sscard policies` 列出全部，`sscard policies ID` 显示其中一项。',
            '记录卡片时写明发卡地的卡政策：`sscard card issue ... --policy guangzhou`（或 `sscard card apply ... --policy guangzhou`）。未写明的，使用 SSCARD_POLICY，否则使用默认规则（`seed`）；如有随附政策与持卡人户籍地相符，`sscard card issue` 和 `sscard status` 会用一行提示，但不会自动套用：卡的发卡地以实际办卡地为准，身份证号码无法判断。',
            '记错了卡政策？用 `sscard card set-policy --card ... --policy ID` 更正：更正本身记为一条记录，历史保留，此后各处均按正确的政策判断。',
            '没有出处的规则记为 `unknown`，sscard 不作任何假定（临时挂失不会自动解除；只认卡面印制的有效期）。依赖某项政策前，请先核对其出处。',
          ],
        },
        activate: {
          title: '激活社会保障卡',
          steps: [
            '激活开通社保卡的金融功能；社保功能尚未启用的，一并启用。是否有期限取决于卡政策（`sscard policies`）：默认政策下须在领卡之日起六个月内激活。期限按《民法典》计算：最后一日为周末或法定节假日的，顺延至其后第一个工作日（`sscard status` 会显示您的期限）。',
            '本人到发卡银行网点办理。新卡不能在线或电话激活（在线只能启用社保功能，见 `sscard guide enable`）。',
            '携带社会保障卡和本人身份证件原件（复印件无效），证件号码须与持卡人一致。',
            '未满 16 周岁的持卡人由监护人代为激活：携带孩子的社会保障卡、孩子的身份证或户口簿，以及监护人本人的身份证原件。',
            '在柜台设置密码、开通金融功能。用 `sscard activate --card ... --id-doc ...` 记录。',
            '新卡激活前、且超过六个月期限后，原医保卡受限；仅启用社保功能不能解除限制。逾期仍可激活，自激活之日起医保恢复正常。',
          ],
        },
        enable: {
          title: '启用社保功能',
          steps: [
            '社会保障卡有两项功能，分别开通：社保功能（启用：医保、养老金、待遇发放）和金融功能（激活：银行账户，见 `sscard guide activate`）。',
            '社保功能可在线启用（微信或支付宝的电子社保卡、掌上12333、国家政务服务平台、本地政务 App），也可到社保服务窗口或服务银行网点办理，或在定点医院、药店首次用卡时启用。',
            '到银行激活金融功能时，如社保功能尚未启用，当天一并启用。',
            '用 `sscard enable --card ... --channel online|window|bank|hospital` 记录。',
            '是否有期限、逾期后果如何，取决于发卡地的卡政策：`sscard policies` 列出各地规则（例如广东：制卡后一年内未领取激活的卡逾期封存；北京：无期限）。',
          ],
        },
        loss: {
          title: '挂失、解挂与补领',
          steps: [
            '发现丢失立即挂失：可先通过 12333 电话、网上或网点临时挂失，有效天数由卡政策规定（如上海 5 天、北京 10 天），期满自动解挂。用 `sscard card report-loss --card ... --temporary` 记录。',
            '正式挂失须本人持身份证件办理，直至找回或补领：`sscard card report-loss --card ...`（不加 --temporary）。',
            '找回卡片可办理解挂：`sscard card found --card ...`，卡片恢复挂失前的状态；已申请补领的不能再解挂。',
            '补领须先正式挂失，新卡发出后用 `sscard card replace --card 旧卡 --new-card 新卡 --reason loss` 记录；新卡须重新启用和激活。',
            '挂失期间电子社保卡受限（须本人授权使用）；领取新卡后自动恢复，无需重新申领。',
          ],
        },
        ecard: {
          title: '申领电子社保卡',
          steps: [
            '须已领取实体社会保障卡（仅制卡不够；第三代社保卡申领时即生成电子社保卡除外），电子社保卡与其一一对应。',
            '微信：我 -> 服务（或支付）-> 城市服务 -> 社保 -> 电子社保卡 -> 立即添加，按提示刷脸确认。',
            '其他渠道：支付宝（搜索“电子社保卡”）、掌上12333 App、银行 App、云闪付、国家政务服务平台或本地政务 App（如随申办）。',
            '用 `sscard ecard claim --id ... --channel wechat` 记录。',
            '申领了电子社保卡不等于实体卡已激活：激活须本人到银行网点办理（见 `sscard guide activate`）。`sscard status` 会分别回答，并说明是否有已激活的电子社保卡。',
            '实体卡挂失期间电子社保卡受限（须本人授权使用）；补换卡后，领取新卡时自动对应新卡。',
          ],
        },
        register: {
          title: '新员工社会保险登记（参保登记）',
          steps: [
            '用人单位应当自用工之日起 30 日内为职工申请办理社会保险登记（《社会保险法》第五十八条）。30 日不含用工当日；最后一日为周末或法定节假日的顺延至其后第一个工作日。',
            '到当地社会保险经办机构或其网上服务平台办理，使用职工的公民身份号码（即社会保障号码）。',
            '用 `sscard register-employee --id ... --hired-on ... --registered-on ...` 记录（或用 `--pending` 跟踪；`sscard due` 列出未办事项，逾期在前）。',
            '未办理的，由社会保险经办机构核定其应当缴纳的社会保险费（第五十八条）；经责令限期改正逾期仍不登记的，处应缴社会保险费数额一倍以上三倍以下罚款，对直接负责的主管人员和其他直接责任人员处五百元以上三千元以下罚款（第八十四条）。',
            '灵活就业人员（无雇工的个体工商户、未在用人单位参保的非全日制从业人员及其他灵活就业人员）自愿参保、自行登记，无期限：`sscard register-employee --flexible`。',
          ],
        },
        leave: {
          title: '员工离职：减员、档案和社会保险关系转移',
          steps: [
            '劳动合同解除或者终止的，用人单位应当在十五日内为劳动者办理档案和社会保险关系转移手续（《劳动合同法》第五十条第一款）。15 日不含离职当日；最后一日为周末或法定节假日的顺延至其后第一个工作日。',
            '到社会保险经办机构办理减员，停止缴费；对失业人员，出具终止或者解除劳动关系的证明，并在同样的十五日内将其名单告知社会保险经办机构（《社会保险法》第五十条第一款）。',
            '用 `sscard leave --id ... --employer ... --left-on 日期 ` 记录离职（已提出离职的，可填将来的日期）；`sscard due` 随即列出转移事项，逾期在前。同一单位有多段未结束的用工时，加 `--hired-on 日期 `。',
            '办完转移后记录：`sscard leave --id ... --employer ... --left-on 日期 --done-on 日期 `。',
            '从未办理参保登记的离职人员，其参保登记事项仍保留：在职期间的社会保险费仍须缴纳（《社会保险法》第五十八条）。',
          ],
        },
      },
    } satisfies Messages['guide']);
  },

  get history() {
    return built(this, 'history', {
      title: (id) => spaced`${id}的全部记录（按记录先后；时间为北京时间）`,
      header: ['序号', '记录时间', '日期', '事件', '内容', '来源'],
      revokedBy: (seq, reason) => spaced`[已由 #${seq}撤销：${reason}]`,
      importSource: (file, line) => spaced`导入${file}第${line}行`,
      webSource: (command) => `${command}（网页）`,
      notFound: (id) => spaced`台账中没有${id}的任何记录。`,
      kinds: {
        'person.recorded': '登记人员',
        'person.renamed': '更改姓名',
        'hire.recorded': '记录入职',
        'hire.registered': '办理参保登记',
        'hire.based': '缴费基数已登记',
        'hire.ended': '离职',
        'hire.separated': '档案和社保关系已转移',
        'card.applied': '申领社保卡',
        'card.failed': '制卡失败',
        'card.issued': '制卡',
        'card.ready': '网点签收（待领卡）',
        'card.policy-set': '更正卡政策',
        'card.received': '领卡',
        'card.enabled': '启用社保功能',
        'card.activated': '激活',
        'card.lost': '挂失',
        'card.found': '解除挂失',
        'card.replaced': '补换卡',
        'card.cancelled': '注销',
        'ecard.claimed': '申领电子社保卡',
        revoked: '撤销记录',
      },
      fields: {
        base: '缴费基数（元）',
        name: '姓名',
        employer: '用人单位',
        hiredOn: '入职日期',
        hireKind: '类型',
        card: '卡号',
        bank: '银行',
        policy: '政策',
        generation: '代次',
        expiresOn: '有效期至',
        replaces: '替换',
        channel: '渠道',
        outlet: '网点',
        guardian: '监护人',
        temporary: '临时',
        newCard: '新卡',
        reason: '原因',
        seqs: '事件',
      },
      yes: '是',
    } satisfies Messages['history']);
  },

  get values() {
    return built(this, 'values', {
      hireKind: { employee: '职工', flexible: '灵活就业' },
      ecardChannel: {
        wechat: '微信',
        alipay: '支付宝',
        '12333': '掌上12333',
        'bank-app': '银行 App',
        'gov-platform': '国家政务服务平台',
        unionpay: '云闪付',
        'local-app': '本地政务 App',
      },
      enableChannel: { window: '人社窗口', bank: '银行网点', online: '线上', hospital: '在定点医院或药店首次使用' },
      replaceReason: { loss: '挂失', damage: '损坏', expiry: '到期', change: '信息变更' },
      applicationState: { applied: '已申领，制卡中', failed: '制卡失败' },
      cardState: CARD_STATE,
      ecardState: { none: '未申领', active: '有效', limited: '受限（实体卡已挂失，或已补换卡而新卡未领取，须本人授权使用）', suspended: '已暂停' },
    } satisfies Messages['values']);
  },

  get errors() {
    return built(this, 'errors', {
      'no-ledger': (p) => spaced`${p.ledger}处没有台账：请核对 --db 或 SSCARD_DB（写入命令会新建台账）。`,
      'backup-exists': (p) => spaced`${p.file}已存在：请换一个文件名，或加 --force 覆盖。`,
      'backup-write-failed': (p) =>
        spaced`无法写入备份${p.file}（${WRITE_FAILURE[p.kind]}），该文件名下未留下任何文件：${WRITE_REMEDY[p.kind]}（备份约需与台账同样大的空间），然后重新运行。`,
      'backup-failed': (p) => spaced`备份到${p.file}失败（${p.why}）：请确认目录存在且可写。`,
      'backup-is-ledger': (p) => spaced`备份文件${p.file}就是台账本身（或其 -wal/-shm）：请把备份放在台账之外，例如另一个目录。`,
      'policies-invalid': (p) => zh.policy.invalid(p),
      'policies-unreadable': (p) => zh.policy.unreadable(p.why),
      'purge-not-found': (p) => spaced`台账中没有${p.id}的记录，无可删除。`,
      'unknown-topic': (p) => spaced`指南中没有 "${p.topic}" 这一主题：可选${p.topics.join('、')}。`,
      integrityFailed: (p) => spaced`台账未通过 SQLite 完整性检查，发现${p.count}处问题（${p.shown}）。恢复方法：${RESTORE}。`,
      'cache-differs': (p) => spaced`台账的状态表与事件重放有${p.count}处不一致（第一处：${p.first}）；以事件为准：请从备份恢复，或报告此问题。`,
      'db-directory-missing': (p) => spaced`--db：目录${p.dir}不存在：请先创建，或换一个路径。`,
      'db-is-directory': (p) => spaced`--db：${p.file}是一个目录：请给出文件路径，例如${p.example}。`,
      'db-is-symlink': (p) =>
        spaced`--db：${p.file}是符号链接${p.target ? spaced`（指向${p.target}）` : ''}；sscard 不跟随链接打开台账，请给出实际文件的路径。`,
      'db-not-a-file': (p) => spaced`--db：${p.file}不是普通文件（设备、FIFO 或套接字）：请给出台账文件的路径。`,
      'db-needs-recovery': (p) => spaced`${p.file}有未完成的写入（旁边有 -journal 文件），没有写权限无法恢复：请让文件所有者先对它运行任一 sscard 命令。`,
      'not-a-ledger': (p) =>
        'schema' in p
          ? spaced`${p.ledger}中的模式${p.schema}含有不属于 sscard 台账的表，未做任何改动：请用 ?schema=名称 换一个模式。`
          : spaced`${p.file}不是 sscard 台账（或已损坏），未做任何改动：请让 --db 指向 sscard 台账。`,
      'ledger-damaged': (p) =>
        spaced`${p.file}已损坏（${p.finding}），未做任何更改：请按 README 的“Backups and restore”从备份恢复，然后运行 \`sscard check\`。`,
      'event-damaged': (p) =>
        spaced`台账的第${p.seq}条事件已损坏（${p.why === 'kind' ? '其类型不是 sscard 写入的类型' : '其数据不是 JSON 对象'}），未写入或导出任何内容：请按 README 的“Backups and restore”从备份恢复台账，然后运行 \`sscard check\`。`,
      'journal-damaged': (p) =>
        spaced`${p.journal}已损坏（${p.at === 0 ? '文件头' : spaced`第${p.at} ${p.kind === 'wal' ? '帧' : '条页记录'}`}校验和错误，其后仍有${p.after}${p.kind === 'wal' ? '个提交' : '条记录'}校验正确），SQLite 会静默丢弃${p.kind === 'wal' ? '这些提交' : '部分回滚'}；未打开台账，未做任何更改：请先把${p.file}连同其 -wal、-journal 文件另存一份，再按 README 的“Backups and restore”从备份恢复。`,
      'db-not-writable': (p) => spaced`无法打开或写入${p.file}（权限不足，或文件、目录只读）：请修改权限，或换一个 --db。`,
      'db-error': (p) => spaced`无法使用${p.file}：${p.why}。`,
      'ledger-too-new': (p) =>
        spaced`${'ledger' in p ? spaced`${p.ledger}中的台账` : spaced`${p.file} `}由更新版本的 sscard 写入（结构版本${p.version}，本版本支持${p.known}），未做任何改动：请升级 sscard。`,
      'ledger-read-only': (p) => spaced`此台账用户无权写入${p.ledger}，未做任何更改：请以有写权限的用户运行此命令（见 README 的“A shared ledger”）。`,
      'ledger-no-read': (p) =>
        spaced`此台账用户无权读取${p.ledger}中的模式${p.schema}：请台账所有者授予权限（GRANT USAGE ON SCHEMA 及 SELECT，见 README 的“A shared ledger”）。`,
      'ledger-no-create': (p) =>
        spaced`${p.ledger}的模式${p.schema}中还没有台账，而此用户无权创建其表，未做任何更改：请由台账所有者执行第一次写入（例如 sscard copy，见 README 的“A shared ledger”）。`,
      'ledger-no-migrate': (p) =>
        spaced`${p.ledger}中的台账须由其所有者升级到本版本 sscard 的结构版本，此用户无权升级，未做任何更改：请以所有者身份运行一次任意 sscard 命令（见 README 的“A shared ledger”）。`,
      'purge-needs-owner': (p) =>
        spaced`只有台账所有者才能从${p.ledger}中清除一个人（对其他用户，事件只能追加），未删除任何内容：请以所有者身份运行 sscard purge（见 README 的“A shared ledger”）。`,
      'purge-not-vacuumed': (p) =>
        `此人已从 ${p.ledger} 中清除，但未能重写各表（${p.why}），该号码可能仍留在 PostgreSQL 的文件中，直到所有者对该模式的表执行 VACUUM FULL（见 README 的“A shared ledger”）。`,
      'purge-held-back': (p) =>
        spaced`此人已从${p.ledger}中清除，但该数据库的另一个会话（服务器进程${p.pids}）仍持有清除之前开始的事务，PostgreSQL 因而在其文件中保留了该号码：待该会话结束后，由所有者对该模式的表执行 VACUUM FULL（见 README 的“A shared ledger”）。`,
      'purge-incomplete': (p) =>
        `已从 ${p.file} 中删除此人，但另一个 sscard 进程仍打开着台账，旧的副本可能留在其 -wal 文件中，直到检查点完成：请在没有其他 sscard 运行时再运行一次 purge。`,
      'ledger-standby': (p) =>
        spaced`${p.ledger}的服务器只能读（备库，或被设为只读），未做任何更改：写入须发往主库，请在 --db 中写明主库，例如 postgres://primary,standby/db?target_session_attrs=read-write。`,
      'ledger-locked': (p) => spaced`另一用户的导入占用共享台账${p.ledger}超过${p.seconds}秒，未做任何更改：请待其完成后重试。`,
      'db-statement-timeout': (p) => spaced`${p.ledger}上的一条语句运行超过${p.seconds}秒，命令已停止，未做任何更改：请重试，或调大 ?statement_timeout=秒数。`,
      'db-silent': (p) =>
        spaced`${p.ledger}的 PostgreSQL 服务器${p.seconds}秒内没有应答，命令已停止，未做任何更改：请确认服务器正在运行（?statement_timeout=秒数 可延长等待）。`,
      'db-silent-at-commit': (p) =>
        spaced`提交命令时${p.ledger}的 PostgreSQL 服务器${p.seconds}秒没有应答，无法确定是否已写入：再次运行前请先用 sscard history（或 status）查看。`,
      'db-lost-at-commit': (p) => spaced`提交命令时与${p.ledger}的连接断开（${p.why}），无法确定是否已写入：再次运行前请先用 sscard history（或 status）查看。`,
      'db-connect-timeout': (p) =>
        spaced`${p.ledger}的 PostgreSQL 服务器${p.seconds}秒内没有应答连接：请核对 --db 中的主机和端口，并确认服务器正在运行（?connect_timeout=秒数 可延长等待）。`,
      'db-no-server': (p) => spaced`${p.ledger}中没有一台服务器是${p.attrs}（各自应答为其他类型，或无法连接），未做任何操作：请在备库提升后重试，或核对 --db。`,
      'ledger-busy': (p) => spaced`共享台账${p.ledger}连续${p.attempts}次在同一时刻被其他写入者修改，未做任何更改：请重试。`,
      'ledger-conflict': (p) => spaced`另一写入者在同一时刻向${p.ledger}记录了相同的事实（${p.why}），未做任何更改：请重新运行命令，查看台账的当前状态。`,
      'db-login-refused': (p) => spaced`PostgreSQL 服务器拒绝了${p.ledger}的登录（${p.why}）：请核对用户名和密码（PGPASSWORD 或 ~/.pgpass）。`,
      'db-missing': (p) => spaced`${p.ledger}的数据库不存在：请先创建（createdb），或更正 --db。`,
      'db-unreachable': (p) =>
        p.lost
          ? spaced`与${p.ledger}的连接已断开（${p.why}），此后未再写入：请重试。`
          : spaced`无法连接${p.ledger}的 PostgreSQL 服务器（${p.why}）：请核对 --db 中的主机和端口，并确认服务器正在运行。`,
      'db-url-invalid': (p) => spaced`--db：${p.url}不是有效的 URL：请写成 postgres://用户@主机:5432/数据库。`,
      'db-schema-invalid': (p) => `--db：模式 "${p.schema}" 只能由小写字母、数字和 _ 组成（最多 63 个字符，不以数字开头），例如 ?schema=sscard。`,
      'db-url-parameter': (p) =>
        p.expected === 'seconds'
          ? `--db：${p.parameter} 须为大于 0 的整秒数，而不是 "${p.value}"。`
          : `--db：${p.parameter} 须为 ${p.expected} 之一，而不是 "${p.value}"。`,
    } satisfies ErrorWords satisfies Messages['errors']);
  },

  get failure() {
    return built(this, 'failure', {
      interrupted: '已取消，未做任何更改。',
      ledgerBusy: '台账被另一个 sscard 进程锁定超过 30 秒，未做任何更改：请稍后重试。',
      ledgerDamaged: '台账文件已损坏（SQLite 报告数据库格式错误），未做任何更改：请从备份恢复，然后运行 `sscard check`。',
      writeFailed: (kind) => `写入磁盘失败（${WRITE_FAILURE[kind]}），未记录任何内容，台账保持原样：${WRITE_REMEDY[kind]}，然后重新运行命令。`,
      outputFailed: (kind) => `无法写出输出（${WRITE_FAILURE[kind]}），已写出的内容不完整：${WRITE_REMEDY[kind]}，然后重新运行命令。`,
      internal: (text) => `内部错误：${text}。`,
    } satisfies Messages['failure']);
  },

  get completion() {
    return built(this, 'completion', {
      unknownShell: (shell) => `<shell> 须为 bash、zsh 或 fish，而不是 "${shell}"。`,
    } satisfies Messages['completion']);
  },

  get man() {
    return built(this, 'man', {
      manual: '用户命令',
      sections: {
        name: '名称',
        synopsis: '概述',
        description: '描述',
        globalOptions: '全局选项',
        commands: '命令',
        environment: '环境变量',
        exitStatus: '退出状态',
        files: '文件',
        examples: '示例',
        seeAlso: '参见',
      },
      globalOptionsNote: (name) =>
        `全局选项属于 \\fB${name}\\fR 本身；选择台账、日期和输出方式的选项适用于每个命令。\\fB${name}\\fR \\fI命令\\fR \\fB\\-\\-help\\fR 显示本页关于该命令的内容。`,
      environment: {
        db: '未给出 \\fB\\-\\-db\\fR 时使用的台账文件，或共享台账的 postgres:// URL。',
        pg: '用于 postgres:// URL，与 psql 相同（密码也可放在 \\fI~/.pgpass\\fR 中）。sscard 从不显示 URL 中的密码。',
        today: '未给出 \\fB\\-\\-as\\-of\\fR 时按此日期（YYYY\\-MM\\-DD）计算。否则“今天”为中国（Asia/Shanghai）的当前日期，与本机时区无关。',
        policy: '未给出 \\fB\\-\\-policy\\fR 时新卡适用的卡政策（默认：seed）。',
        noColor: '设置为任意值时输出不带颜色的纯文本，与 \\fB\\-\\-no\\-color\\fR 相同。',
        lang: '未给出 \\fB\\-\\-lang\\fR 时消息、提示和帮助的语言，依次查看这三个变量：以 zh 开头为中文，其他为英文。JSON 键名、错误代码和退出状态不随语言改变。',
        dataHome: '默认台账所在位置（默认：~/.local/share）。',
      },
      exit: {
        ok: '完成（包括“已激活”）。',
        refused: '被规则拒绝、未找到（包括所有读取命令的“该路径没有台账”），或台账无法使用。',
        usage: '输入或用法错误：无效的身份证号码、错误的日期、未知选项、缺少的值、错误的文件或行。',
        overdue: '仅 \\fBdue \\-\\-check\\fR：有事项已逾期。',
        interrupted: '在提示时按了 Ctrl\\-C；未做任何更改。',
      },
      errors: '错误为标准错误上的一句话（加 \\fB\\-\\-json\\fR 时为标准输出上的一个 JSON 文档），从不输出堆栈跟踪。',
      files:
        '默认台账（SQLite）；未设置 XDG_DATA_HOME 时为 ~/.local/share/sscard/sscard.db。使用期间 SQLite 在其旁边保留 \\fIsscard.db\\-wal\\fR 和 \\fIsscard.db\\-shm\\fR：请用 \\fBsscard backup\\fR 复制台账，不要用 cp。',
      readme: '软件包中的 README.md 文件。',
    } satisfies Messages['man']);
  },
};
