// The Chinese message catalogue: every key of the English one (`Messages`),
// with the official terms (社会保障卡, 电子社保卡, 启用, 激活, 挂失, 补换卡,
// 参保登记, 灵活就业) and full-width punctuation.
import { EARLIEST_DATE, LATEST_DATE } from '../../core/date-bounds.js';
import type { Messages } from './en.js';

const ID = '11010519491231002X';
const RESTORE =
  '停止所有 sscard 进程，用最近的备份覆盖台账文件（先删除旁边的 -wal 和 -shm 文件），然后运行 `sscard check`（见 README 的“Backups and restore”）';
const WEEKDAY = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const BIRTH_DATE = {
  'not-a-date': '第 7-14 位不是有效的出生日期',
  future: '出生日期在未来',
  'before-1900': '出生日期早于 1900-01-01',
};

export const zh: Messages = {
  deadlineNote: (note) =>
    note.kind === 'moved'
      ? `${note.from} 为${note.holiday ? `${note.holiday.zh}假期` : WEEKDAY[note.weekday]}，顺延至 ${note.to}`
      : `${note.year} 年的法定节假日安排尚未公布，此期限为暂定`,
  deadlineNoteSeparator: '；',
  loadedSchedule: (year) => `按已导入的 ${year} 年官方安排计算`,

  idProblem: (problem, field) => {
    switch (problem.code) {
      case 'empty':
        return `${field} 为空：请输入 18 位身份证号码。`;
      case 'length':
        return `${field} 有 ${problem.length} 位：身份证号码应为 18 位（或旧版 15 位），请检查是否多输或漏输。`;
      case 'characters':
        return `${field} 含有非法字符：身份证号码应为 17 位数字加一位数字或 X。`;
      case 'province':
        return `${field} 以 ${problem.province} 开头，这不是有效的省级行政区划代码：请核对前两位。`;
      case 'birth-date':
        return `${field} 无效：${BIRTH_DATE[problem.why]}，请核对号码。`;
      case 'check-character':
        return `${field} 的校验码是 ${problem.found}，按 GB 11643 应为 ${problem.expected}：号码中可能有输错的数字。`;
    }
  },

  input: {
    date: (field) => `${field} 须为有效日期，格式 YYYY-MM-DD，例如 2026-09-01。`,
    outOfRange: (field) => `${field} 须在 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间，请检查年份。`,
    tooFarAhead: (field, date, today, months) => `${field} ${date} 晚于今天（${today}）超过 ${months} 个月，请检查年份。`,
    beforeBirth: (field, date) => `${field} ${date} 早于身份证号码中的出生日期，请检查日期和号码。`,
    card: (field) => `${field} 须为卡面上的 9 位字母或数字，例如 A12345678。`,
    empty: (field) => `${field} 为空：请填写，或不使用该选项。`,
    tooLong: (field) => `${field} 超过 200 个字符，请缩短。`,
    controlCharacters: (field) => `${field} 含有控制字符，请删除。`,
    ecardChannel: (field) =>
      `${field} 须为 wechat、alipay、12333、bank-app、gov-platform、unionpay、local-app 之一（或其中文名称，如 微信、支付宝、掌上12333、云闪付）。`,
    days: (field) => `${field} 须为整数天数，例如 14。`,
    unexpected: (field) => `${field} 的值无效，见 --help。`,
    promptDate: (field) => `${field} 须为有效日期，格式 YYYY-MM-DD。`,
    promptCard: (field) => `${field} 须为 9 位字母或数字。`,
    promptEmpty: (field) => `${field} 不能为空。`,
    missingOption: (field) => `缺少 ${field}：请在命令行中提供（见 --help）。`,
    confirmationRequired: '此操作不可撤销，且没有终端可供确认：如确定执行，请加 --yes。',
    notConfirmed: '未确认，未做任何更改。',
    invalidAsOf: `--as-of 须为 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间的有效日期，格式 YYYY-MM-DD，例如 2026-10-09。`,
    invalidToday: `SSCARD_TODAY 须为 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间的有效日期，格式 YYYY-MM-DD：请改正或删除该环境变量。`,
  },

  ask: {
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
    confirmCancel: (card) => `注销卡 ${card}？此操作不可撤销。`,
    confirmReplace: (card, newCard) => `用新卡 ${newCard} 补换卡 ${card}？旧卡将永久停用。`,
    confirmPurge: (id) => `删除 ${id} 及其全部记录？此操作不可撤销。`,
    confirmRevoke: (events) => `撤销 ${events.join('；')}？`,
    backupFile: '要创建的备份文件',
    importFile: '要导入的文件',
  },

  usage: {
    unknownOption: (flag) => `未知选项 '${flag}'`,
    unknownCommand: (name) => `未知命令 '${name}'`,
    didYouMean: (suggestions) => `（您是否想用 ${suggestions}？）`,
    missingArgument: (name) => `缺少必需参数 '${name}'`,
    optionMissingArgument: (flags) => `选项 '${flags}' 缺少值`,
    invalidChoice: (flags, value, choices) => `选项 '${flags}' 的值 '${value}' 无效，可选值：${choices}。`,
    excessArguments: (command, expected, got) => `命令 '${command}' 的参数过多：应为 ${expected} 个，实际 ${got} 个。`,
    missingMandatory: (flags) => `缺少必需选项 '${flags}'`,
    conflictingOption: (first, second) => `${first} 不能与 ${second} 同时使用`,
    errorPrefix: '错误：',
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
    extra: (choices, byDefault) => `（${[choices && `可选值：${choices}`, byDefault && `默认：${byDefault}`].filter(Boolean).join('；')}）`,
    program: {
      description: '社会保障卡台账：激活期限、电子社保卡、用人单位的参保登记期限。',
      db: '台账文件，或共享台账的 postgres://user@host/db[?schema=NAME]（默认：$SSCARD_DB，否则为 $XDG_DATA_HOME 或 ~/.local/share 下的 sscard/sscard.db）',
      asOf: '按此日期计算，YYYY-MM-DD（默认：$SSCARD_TODAY，否则为北京时间今天）',
      json: '输出一个 JSON 文档',
      reveal: '显示完整身份证号码（不打码）',
      noColor: '不使用颜色（亦可设 NO_COLOR）',
      lang: '提示语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）',
      examples: [
        `sscard status ${ID}`,
        `sscard register-employee --id ${ID} --employer "北京某某有限公司" --hired-on 2026-09-01 --pending`,
        'sscard due --within 14',
        'sscard guide activate --lang zh',
      ],
    },
    status: {
      description: '社保卡是否已激活、是否有有效的电子社保卡、哪些参保登记即将到期',
      id: '身份证号码（即社会保障号码）；未提供时在终端中询问',
      examples: [`sscard status ${ID}`, `sscard status ${ID} --json --as-of 2026-10-09`],
    },
    registerEmployee: {
      description: '记录入职及其社会保险登记（自用工之日起 30 日内，《社会保险法》第五十八条）',
      id: '员工的身份证号码',
      hiredOn: '入职日期，YYYY-MM-DD',
      name: '员工姓名',
      employer: '用人单位',
      registeredOn: '办理登记的日期',
      pending: '尚未办理登记',
      flexible: '灵活就业：个人参保，无期限',
      examples: [
        `sscard register-employee --id ${ID} --name "王芳" --employer "北京某某有限公司" --hired-on 2026-09-01 --pending`,
        `sscard register-employee --id ${ID} --employer "北京某某有限公司" --hired-on 2026-09-01 --registered-on 2026-09-20`,
      ],
    },
    activate: {
      description: '记录持卡人本人在发卡银行网点激活社保卡',
      card: '要激活的卡',
      idDoc: '在柜台出示的身份证件原件上的号码',
      on: '激活日期（默认：今天）',
      outlet: '银行网点',
      guardianId: '持卡人未满 16 周岁时：代为激活的监护人',
      examples: [
        `sscard activate --card A12345678 --id-doc ${ID} --outlet "工商银行朝阳支行"`,
        `sscard activate --card A12345678 --id-doc ${ID} --on 2026-10-12`,
        `sscard activate --card B98765432 --id-doc 110105201211240033 --guardian-id ${ID}`,
      ],
    },
    leave: {
      description: '记录离职：档案和社会保险关系应在 15 日内转移（《劳动合同法》第五十条）',
      id: '离职人员的身份证号码',
      employer: '离开的用人单位（与入职记录一致）',
      leftOn: '最后工作日，YYYY-MM-DD',
      hiredOn: '同一单位有多次入职时：指明哪一次',
      doneOn: '档案和社会保险关系已于此日转移',
      examples: [
        `sscard leave --id ${ID} --employer "北京某某有限公司" --left-on 2026-11-30`,
        `sscard leave --id ${ID} --employer "北京某某有限公司" --left-on 2026-11-30 --done-on 2026-12-08`,
      ],
    },
    revoke: {
      description: '撤销记错的事件；它们仍留在历史记录中，标记为已撤销',
      seq: '事件序号，见 `sscard history`',
      reason: '记录有误的原因',
      yes: '不再询问确认',
      examples: ['sscard revoke 3 --reason "误记为已登记" --yes', 'sscard revoke 7 8 --reason "卡号有误"'],
    },
    card: { description: '实体社保卡：制卡、领卡、挂失、补换、注销' },
    cardIssue: {
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
        `sscard card issue --id ${ID} --card A12345678 --bank 工商银行 --issued-on 2026-03-01`,
        'sscard card issue --id 44030419900307123X --card G00000001 --bank 工商银行 --policy guangdong --issued-on 2025-01-10 --expires-on 2035-01-10',
      ],
    },
    cardReceive: {
      description: '持卡人已领到卡：自领卡之日起算的期限开始计算',
      card: '卡号',
      on: '领卡日期（默认：今天）',
      examples: ['sscard card receive --card A12345678 --on 2026-03-31', 'sscard card receive --card A12345678'],
    },
    cardReportLoss: {
      description: '社保卡已挂失：正式挂失，或用 --temporary 临时挂失',
      card: '卡号',
      temporary: '临时挂失：按卡政策规定的天数后失效',
      on: '挂失日期（默认：今天）',
      examples: ['sscard card report-loss --card A12345678', 'sscard card report-loss --card A12345678 --temporary --on 2026-05-01'],
    },
    cardFound: {
      description: '挂失的卡已找回（解挂）：恢复到挂失前的状态',
      card: '卡号',
      on: '找回日期（默认：今天）',
      examples: ['sscard card found --card A12345678', 'sscard card found --card A12345678 --on 2026-05-03'],
    },
    cardReplace: {
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
    },
    cardCancel: {
      description: '社保卡已注销，例如持卡人去世或移居境外',
      card: '卡号',
      on: '注销日期（默认：今天）',
      yes: '不再询问确认',
      examples: ['sscard card cancel --card A12345678 --yes', 'sscard card cancel --card A12345678 --on 2026-11-20'],
    },
    ecard: { description: '电子社保卡' },
    ecardClaim: {
      description: '记录已在线申领电子社保卡',
      id: '持卡人的身份证号码',
      channel: '申领渠道：wechat、alipay、12333、bank-app、gov-platform、unionpay 或 local-app（也可用中文：微信、支付宝、云闪付……）',
      on: '申领日期（默认：今天）',
      examples: [`sscard ecard claim --id ${ID} --channel wechat`, `sscard ecard claim --id ${ID} --channel 12333 --on 2026-04-02`],
    },
    enable: {
      description: '记录社保卡的社保功能已启用：线上、窗口、银行网点或医院',
      card: '卡号',
      on: '启用日期（默认：今天）',
      channel: 'window、bank、online 或 hospital',
      examples: ['sscard enable --card G00000001 --channel online --on 2025-02-02', 'sscard enable --card A12345678'],
    },
    policies: {
      description: '卡政策：激活期限、后果、挂失规则及其依据',
      id: '某一项政策',
      examples: ['sscard policies', 'sscard policies guangdong --json'],
    },
    due: {
      description: '待办事项：台账中所有未到期和已逾期的期限，逾期的在前',
      within: '只显示 DAYS 天内到期的（逾期的总会显示）',
      check: '有逾期事项时以 3 退出（用于每日定时任务）',
      employer: '只显示该用人单位的期限',
      kind: '只显示一类期限',
      format: 'text、json 或 ics（iCalendar 文件，可导入 Outlook、钉钉、飞书、手机日历）',
      examples: [
        'sscard due',
        'sscard due --within 14 --employer "北京某某有限公司"',
        'sscard due --employer "北京某某有限公司" --format ics > 期限.ics',
        'sscard due --check --json > agenda.json || mail-hr agenda.json',
      ],
    },
    people: {
      description: '台账中的所有人，每人一行：社保卡、电子社保卡、未办期限',
      employer: '只显示该用人单位录用的人',
      name: '只显示姓名包含此文字的人',
      examples: ['sscard people', 'sscard people --employer "北京某某有限公司"', 'sscard people --name 王 --json'],
    },
    import: {
      description: '从 HR 现有的花名册批量导入入职、离职和社保卡记录（任何一行有误则不写入）',
      file: 'xlsx、csv、tsv 或 txt（UTF-8 或 GB18030，中文或英文表头）、JSON 导出文件，或 - 表示标准输入；未提供时在终端中询问',
      dryRun: '按导入时的规则检查每一行，不写入',
      skipInvalid: '导入正确的行，报告错误的行',
      sheet: 'xlsx 文件中的工作表（默认：第一个）',
      examples: [
        'sscard import 花名册.xlsx --dry-run',
        'sscard import roster-gbk.csv',
        'sscard import hires.csv --skip-invalid',
        'sscard export --format json --reveal | sscard --db copy.db import -',
      ],
    },
    export: {
      description: '导出台账，可用 import 重新导入：csv 或 xlsx 为 import 的列，json 含全部事件',
      format: 'csv（带 BOM 的 UTF-8）、xlsx（身份证号为文本，日期为日期）或 json（全部事件）',
      headers: '列名用英文或中文',
      examples: [
        'sscard export --reveal > ledger.csv',
        'sscard export --format xlsx --headers zh --reveal > 台账.xlsx',
        'sscard export --format json --reveal > ledger.json',
      ],
    },
    history: {
      description: '某人的全部记录事件，按时间先后',
      id: '身份证号码；未提供时在终端中询问',
      examples: [`sscard history ${ID}`, `sscard history ${ID} --json`],
    },
    calendar: {
      description: '已知哪些年份的节假日安排及其来源；导入新公布的安排',
      examples: ['sscard calendar', 'sscard calendar load 2027.json'],
    },
    calendarLoad: {
      description: '导入某年的官方节假日安排（holiday-cn 的 JSON 格式）；该年以它为准',
      file: '安排文件，例如 holiday-cn 的 2027.json',
      yes: '该年已导入不同的安排时直接替换，不再询问',
      examples: ['sscard calendar load 2027.json', 'sscard calendar load 2027.json --yes'],
    },
    backup: {
      description: '台账的一致性副本，其他进程写入时也可安全备份',
      file: '要创建的备份文件；未提供时在终端中询问',
      force: '文件已存在时覆盖',
      examples: ['sscard backup ~/sscard-2026-11-24.db', 'sscard backup /mnt/usb/sscard.db --force'],
    },
    copy: {
      description: '在台账文件与共享的 PostgreSQL 台账之间复制整个台账（含全部事件；目标须为空）',
      from: '要复制的台账：文件，或 postgres:// 地址',
      to: '复制到：新文件，或空 schema 的 postgres:// 地址',
      examples: [
        'sscard copy --from ~/.local/share/sscard/sscard.db --to postgres://hr@db.example.internal/sscard',
        'sscard copy --from postgres://hr@db.example.internal/sscard --to team-2026-11-30.db',
      ],
    },
    check: {
      description: '台账的完整性检查、结构版本和记录数',
      examples: ['sscard check', 'sscard check --json --db ~/sscard-2026-11-24.db'],
    },
    purge: {
      description: '删除某人及其全部记录和事件（删除权）',
      id: '身份证号码；未提供时在终端中询问',
      yes: '不再询问确认',
      examples: [`sscard purge ${ID}`, `sscard purge ${ID} --yes`],
    },
    guide: {
      description: '离线指南：如何激活或启用社保卡、挂失、申领电子社保卡、为员工办理参保登记',
      topic: 'activate、enable、loss、ecard 或 register（默认：全部）',
      examples: ['sscard guide activate', 'sscard guide ecard --lang zh', 'sscard guide'],
    },
    completion: {
      description: '输出命令行补全脚本',
      shell: 'bash、zsh 或 fish',
      examples: [
        'source <(sscard completion bash)',
        'sscard completion zsh > ~/.zfunc/_sscard',
        'sscard completion fish > ~/.config/fish/completions/sscard.fish',
      ],
    },
  },

  history: {
    title: (id) => `${id} 的全部记录（按记录先后；时间为北京时间）`,
    header: ['序号', '记录时间', '日期', '事件', '内容', '来源'],
    revokedBy: (seq, reason) => `[已由 #${seq} 撤销：${reason}]`,
    notFound: (id) => `台账中没有 ${id} 的任何记录。`,
    kinds: {
      'person.recorded': '登记人员',
      'person.renamed': '更改姓名',
      'hire.recorded': '记录入职',
      'hire.registered': '办理参保登记',
      'hire.ended': '离职',
      'hire.separated': '档案和社保关系已转移',
      'card.issued': '制卡',
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
  },

  values: {
    hireKind: { employee: '职工', flexible: '灵活就业' },
    ecardChannel: {
      wechat: '微信',
      alipay: '支付宝',
      '12333': '掌上12333',
      'bank-app': '银行App',
      'gov-platform': '国家政务服务平台',
      unionpay: '云闪付',
      'local-app': '本地政务App',
    },
    enableChannel: { window: '人社窗口', bank: '银行网点', online: '线上', hospital: '在定点医院或药店首次使用' },
    replaceReason: { loss: '挂失', damage: '损坏', expiry: '到期', change: '信息变更' },
    cardState: { issued: '已制卡', received: '已领卡', activated: '已激活', lost: '已挂失', replaced: '已补换', cancelled: '已注销', sealed: '已逾期封存' },
    ecardState: { none: '未申领', active: '有效', limited: '受限（实体卡已挂失，须本人授权使用）', suspended: '已暂停' },
  },

  errors: {
    'no-ledger': (p) => `${p.ledger} 处没有台账：请核对 --db 或 SSCARD_DB（写入命令会新建台账）。`,
    'backup-exists': (p) => `${p.file} 已存在：请换一个文件名，或加 --force 覆盖。`,
    'backup-failed': (p) => `备份到 ${p.file} 失败（${p.why}）：请确认目录存在且可写。`,
    'backup-is-ledger': (p) => `备份文件 ${p.file} 就是台账本身（或其 -wal/-shm）：请把备份放在台账之外，例如另一个目录。`,
    'purge-not-found': (p) => `台账中没有 ${p.id} 的记录，无可删除。`,
    'unknown-topic': (p) => `指南中没有 "${p.topic}" 这一主题：可选 ${p.topics.join('、')}。`,
    integrityFailed: (p) => `台账未通过 SQLite 完整性检查，发现 ${p.count} 处问题（${p.shown}）。恢复方法：${RESTORE}。`,
    'cache-differs': (p) => `台账的状态表与事件重放有 ${p.count} 处不一致（第一处：${p.first}）；以事件为准：请从备份恢复，或报告此问题。`,
    'db-directory-missing': (p) => `--db：目录 ${p.dir} 不存在：请先创建，或换一个路径。`,
    'db-is-directory': (p) => `--db：${p.file} 是一个目录：请给出文件路径，例如 ${p.example}。`,
    'db-is-symlink': (p) => `--db：${p.file} 是符号链接${p.target ? `（指向 ${p.target}）` : ''}；sscard 不跟随链接打开台账，请给出实际文件的路径。`,
    'db-not-a-file': (p) => `--db：${p.file} 不是普通文件（设备、FIFO 或套接字）：请给出台账文件的路径。`,
    'db-needs-recovery': (p) => `${p.file} 有未完成的写入（旁边有 -journal 文件），没有写权限无法恢复：请让文件所有者先对它运行任一 sscard 命令。`,
    'not-a-ledger': (p) =>
      'schema' in p
        ? `${p.ledger} 中的模式 ${p.schema} 含有不属于 sscard 台账的表，未做任何改动：请用 ?schema=名称 换一个模式。`
        : `${p.file} 不是 sscard 台账（或已损坏），未做任何改动：请让 --db 指向 sscard 台账。`,
    'ledger-damaged': (p) => `${p.file} 已损坏（${p.finding}），未做任何更改：请按 README 的“Backups and restore”从备份恢复，然后运行 \`sscard check\`。`,
    'db-not-writable': (p) => `无法打开或写入 ${p.file}（权限不足，或文件、目录只读）：请修改权限，或换一个 --db。`,
    'db-error': (p) => `无法使用 ${p.file}：${p.why}。`,
    'ledger-too-new': (p) =>
      `${'ledger' in p ? `${p.ledger} 中的台账` : `${p.file} `}由更新版本的 sscard 写入（结构版本 ${p.version}，本版本支持 ${p.known}），未做任何改动：请升级 sscard。`,
    'ledger-read-only': (p) => `此台账用户无权写入 ${p.ledger}，未做任何更改：请以有写权限的用户运行此命令（见 README 的“A shared ledger”）。`,
    'ledger-busy': (p) => `共享台账 ${p.ledger} 连续 ${p.attempts} 次在同一时刻被其他写入者修改，未做任何更改：请重试。`,
    'ledger-conflict': (p) => `另一写入者在同一时刻向 ${p.ledger} 记录了相同的事实（${p.why}），未做任何更改：请重新运行命令，查看台账的当前状态。`,
    'db-login-refused': (p) => `PostgreSQL 服务器拒绝了 ${p.ledger} 的登录（${p.why}）：请核对用户名和密码（PGPASSWORD 或 ~/.pgpass）。`,
    'db-missing': (p) => `${p.ledger} 的数据库不存在：请先创建（createdb），或更正 --db。`,
    'db-unreachable': (p) =>
      p.lost
        ? `与 ${p.ledger} 的连接已断开（${p.why}），此后未再写入：请重试。`
        : `无法连接 ${p.ledger} 的 PostgreSQL 服务器（${p.why}）：请核对 --db 中的主机和端口，并确认服务器正在运行。`,
    'db-url-invalid': (p) => `--db：${p.url} 不是有效的 URL：请写成 postgres://用户@主机:5432/数据库。`,
    'db-schema-invalid': (p) => `--db：模式 "${p.schema}" 只能由小写字母、数字和 _ 组成（最多 63 个字符，不以数字开头），例如 ?schema=sscard。`,
  },

  failure: {
    interrupted: '已取消，未做任何更改。',
    ledgerBusy: '台账被另一个 sscard 进程锁定超过 30 秒，未做任何更改：请稍后重试。',
    ledgerDamaged: '台账文件已损坏（SQLite 报告数据库格式错误），未做任何更改：请从备份恢复，然后运行 `sscard check`。',
    internal: (text) => `内部错误：${text}。`,
  },

  completion: {
    unknownShell: (shell) => `<shell> 须为 bash、zsh 或 fish，而不是 "${shell}"。`,
  },

  man: {
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
  },
};
