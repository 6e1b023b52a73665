// sscard guide [activate|enable|loss|ecard|register]: the how-to steps, offline.
import { InvalidInput } from '../core/errors.js';
import type { Context } from './context.js';

export const TOPICS = ['activate', 'enable', 'loss', 'ecard', 'register'] as const;
type Topic = (typeof TOPICS)[number];

const GUIDE: Record<'en' | 'zh', Record<Topic, { title: string; steps: string[] }>> = {
  en: {
    activate: {
      title: 'Activating a social security card (启用)',
      steps: [
        "Activation (激活) switches on the card's financial function, and its social-security function too if it was not yet enabled. Whether there is a deadline depends on the card policy (`sscard policies`): under the default one, activate within six months of the day you received it. A deadline follows the Civil Code: if it falls on a weekend or public holiday it moves to the next working day (`sscard status` shows yours).",
        'Go in person to an outlet of the bank that issued the card. New cards cannot be activated online or by phone.',
        "Bring the card itself and your ORIGINAL identity document (resident identity card; a copy is not accepted). The number on it must be the card holder's.",
        "For a holder under 16, a guardian (监护人) activates the card: bring the child's card, the child's identity document or household register, and the guardian's own original identity document.",
        "At the counter you set the card's PIN and the bank activates its financial functions. Record it with `sscard activate --card ... --id-doc ...`.",
        'Until a card is activated, and once the six-month deadline has passed, your original medical insurance card is restricted. Activating late is still allowed: medical insurance is normal again from the day of activation.',
      ],
    },
    enable: {
      title: 'Enabling the social-security function (启用)',
      steps: [
        'A card has two functions switched on separately: the social-security function (启用: medical insurance, pensions, benefits) and the financial function (激活: the bank account, see `sscard guide activate`).',
        "Enable the social-security function online (the e-card in WeChat or Alipay, the 掌上12333 app, the national government service platform, your city's app), at a social security window or a service bank outlet, or simply by first using the card at a designated hospital or pharmacy.",
        'Activating the card at the bank also enables the social-security function the same day if it was not yet.',
        'Record it with `sscard enable --card ... --channel online|window|bank|hospital`.',
        'Whether there is a deadline, and what missing it does, depends on the card policy of the place that issued it: `sscard policies` lists them (e.g. Guangdong seals a card not collected and activated within a year of issue; Beijing has no window).',
      ],
    },
    loss: {
      title: 'A lost card: report, find, replace (挂失, 解挂, 补领)',
      steps: [
        'Report the loss at once: a temporary loss (临时挂失) by phone (12333), online or at an outlet; it lasts a number of days set by the card policy (e.g. 5 in Shanghai, 10 in Beijing) and then lifts by itself. Record it with `sscard card report-loss --card ... --temporary`.',
        'A formal loss (正式挂失) is made in person with your identity document and lasts until you find the card or replace it: `sscard card report-loss --card ...` (without --temporary).',
        'Found the card? Un-report it (解挂) with `sscard card found --card ...`; it returns to the state it had. Once a replacement has been applied for, it can no longer be un-reported.',
        'A replacement (补领) needs a formal loss first; then record the new card with `sscard card replace --card OLD --new-card NEW --reason loss`. The new card must be enabled and activated again.',
        'While the card is lost, the electronic card is limited (its services work with your authorisation); it comes back by itself once the new card is received.',
      ],
    },
    ecard: {
      title: 'Claiming the electronic social security card (电子社保卡)',
      steps: [
        'You need a physical card you have received (an issued card is not enough, except a third-generation card, whose e-card exists from the application); the electronic card maps one-to-one to it.',
        'WeChat: Me -> Pay (or Services) -> City Services -> Social Security -> Electronic Social Security Card -> Add Now, then confirm with face recognition.',
        'Other channels: Alipay (search "电子社保卡"), the 掌上12333 app, your bank\'s app, 云闪付 (UnionPay), the national government service platform, or your city\'s app (e.g. 随申办).',
        'Record it with `sscard ecard claim --id ... --channel wechat`.',
        'Having the electronic card does NOT mean the physical card is activated: activation is a separate, in-person step (see `sscard guide activate`). `sscard status` answers both, and whether there is an activated electronic card.',
        'If the physical card is lost, the electronic card is limited (usable with your authorisation); after a replacement (补换卡) it maps to the new card by itself once that card is received.',
      ],
    },
    register: {
      title: 'Social insurance registration for a new employee (参保登记)',
      steps: [
        'The employer must apply for social insurance registration within 30 days from the date of employment (Social Insurance Law Art. 58). The 30 days do not count the hire date itself; a last day on a weekend or public holiday moves to the next working day.',
        "Register at the local social insurance agency or its online service with the employee's identity number, which is also their social security number.",
        'Record it with `sscard register-employee --id ... --hired-on ... --registered-on ...` (or `--pending` to track it; `sscard due` lists what is open, overdue first).',
        'If the employer does not register, the social insurance agency assesses the premiums owed from the hire date (Art. 58). An employer that still fails to register after being ordered to may be fined one to three times the premiums owed, and its directly responsible managers 500 to 3,000 yuan (Art. 84).',
        'Flexible workers (灵活就业: self-employed without employees, part-time workers not insured by an employer, other flexible employment) register themselves, voluntarily and without a deadline: `sscard register-employee --flexible`.',
      ],
    },
  },
  zh: {
    activate: {
      title: '社会保障卡启用',
      steps: [
        '激活开通社保卡的金融功能；社保功能尚未启用的，一并启用。是否有期限取决于卡政策（`sscard policies`）：默认政策下须在领卡之日起六个月内激活。期限按《民法典》计算：最后一日为周末或法定节假日的，顺延至其后第一个工作日（`sscard status` 会显示您的期限）。',
        '本人到发卡银行网点办理。新卡不能在线或电话启用。',
        '携带社会保障卡和本人身份证件原件（复印件无效），证件号码须与持卡人一致。',
        '未满 16 周岁的持卡人由监护人代为启用：携带孩子的社会保障卡、孩子的身份证或户口簿，以及监护人本人的身份证原件。',
        '在柜台设置密码、开通金融功能。用 `sscard activate --card ... --id-doc ...` 记录。',
        '新卡启用前、且超过六个月期限后，原医保卡受限。逾期仍可启用，自启用之日起医保恢复正常。',
      ],
    },
    enable: {
      title: '启用社保功能',
      steps: [
        '社会保障卡有两项功能，分别开通：社保功能（启用：医保、养老金、待遇发放）和金融功能（激活：银行账户，见 `sscard guide activate`）。',
        '社保功能可在线启用（微信或支付宝的电子社保卡、掌上12333、国家政务服务平台、本地政务App），也可到社保服务窗口或服务银行网点办理，或在定点医院、药店首次用卡时启用。',
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
        '其他渠道：支付宝（搜索“电子社保卡”）、掌上12333 App、银行App、云闪付、国家政务服务平台或本地政务App（如随申办）。',
        '用 `sscard ecard claim --id ... --channel wechat` 记录。',
        '申领了电子社保卡不等于实体卡已启用：启用须本人到银行网点办理（见 `sscard guide activate`）。`sscard status` 会分别回答，并说明是否已有启用的电子社保卡。',
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
  },
};

export async function run(ctx: Context, args: { topic?: string }): Promise<void> {
  if (args.topic !== undefined && !(TOPICS as readonly string[]).includes(args.topic)) {
    throw new InvalidInput('unknown-topic', ctx.m.errors['unknown-topic']({ topic: args.topic.slice(0, 30), topics: TOPICS }));
  }
  const topics = args.topic ? [args.topic as Topic] : TOPICS;
  // --json: the same guide as data, each topic's steps an array (in the user's language).
  if (ctx.json) {
    ctx.out.write(`${JSON.stringify({ topics: topics.map((topic) => ({ topic, ...GUIDE[ctx.lang][topic] })) }, null, 2)}\n`);
    return;
  }
  const text = topics.map((topic) => {
    const { title, steps } = GUIDE[ctx.lang][topic];
    return `${ctx.color.bold(title)}\n${steps.map((step, i) => `  ${i + 1}. ${step}`).join('\n')}\n`;
  });
  ctx.out.write(text.join('\n'));
}
