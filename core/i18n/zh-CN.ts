// The Chinese catalogue is the reference: every other language must carry the same keys.
// Areas with many messages keep them in their own part (workbench, cases, files, editor…) so the
// catalogue stays readable; the parts are merged here.
import { noticeZhCN } from './parts/notice.zh-CN.ts';
import { noticePageZhCN } from './parts/notice-page.zh-CN.ts';
import { casesZhCN } from './parts/cases.zh-CN.ts';
import { documentsZhCN } from './parts/documents.zh-CN.ts';
import { editorZhCN } from './parts/editor.zh-CN.ts';
import { filesZhCN } from './parts/files.zh-CN.ts';
import { journeyZhCN } from './parts/journey.zh-CN.ts';
import { auditZhCN } from './parts/audit.zh-CN.ts';
import { reviewersZhCN } from './parts/reviewers.zh-CN.ts';
import { phaseZhCN } from './parts/phase.zh-CN.ts';
import { screeningZhCN } from './parts/screening.zh-CN.ts';
import { similarityZhCN } from './parts/similarity.zh-CN.ts';
import { assignmentZhCN } from './parts/assignment.zh-CN.ts';
import { scoringZhCN } from './parts/scoring.zh-CN.ts';
import { rankingZhCN } from './parts/ranking.zh-CN.ts';
import { selectionZhCN } from './parts/selection.zh-CN.ts';
import { rankingPageZhCN } from './parts/ranking-page.zh-CN.ts';
import { selectionPageZhCN } from './parts/selection-page.zh-CN.ts';
import { dashboardPageZhCN } from './parts/dashboard-page.zh-CN.ts';
import { demoZhCN } from './parts/demo.zh-CN.ts';
import { certificatesZhCN } from './parts/certificates.zh-CN.ts';
import { exportsZhCN } from './parts/exports.zh-CN.ts';
import { workbenchZhCN } from './parts/workbench.zh-CN.ts';
import { searchZhCN } from './parts/search.zh-CN.ts';
import { publishingZhCN } from './parts/publishing.zh-CN.ts';
import { publishingPageZhCN } from './parts/publishing-page.zh-CN.ts';
import { publicPagesZhCN } from './parts/public-pages.zh-CN.ts';
import { libraryImportZhCN } from './parts/library-import.zh-CN.ts';

const base = {
  'punct.colon': '：',
  'punct.list': '、',
  'site.name': '征集',
  'site.tagline': '全国典型案例征集平台',
  'site.switchLanguage': 'English',
  'site.switchLanguageLabel': '切换语言',
  'site.unsupportedLanguage': '暂不支持语言“{lang}”，以下以中文显示。',
  'site.skipToContent': '跳到正文',
  'home.title': '征集活动',
  'home.description': '全国典型案例征集活动：征集通知、申报要求、申报表下载与案例展示。',
  'home.empty': '暂无征集活动。',
  'home.edition': '第{edition}届',
  'page.organizers': '主办单位',
  'page.theme': '主题',
  'page.noticeDate': '发布时间',
  'page.noticeAt': '{when}（{zone}）',
  'page.noticeSource': '来源',
  'page.contents': '目录',
  'page.generalRequirements': '总体要求',
  'page.subjectAndContent': '主题和内容',
  'page.criteria': '案例征集标准',
  'page.caseStyle': '案例体例要求',
  'page.caseElements': '入选案例一般应包括以下要素',
  'page.summaryLimit': '案例摘要不超过{max}字',
  'page.bodyLimit': '正文不超过{max}字',
  'page.wordCountRule': '字数按 Microsoft Word 中文“字数”的方法统计：每个汉字（含生僻字）、假名、注音符号、全角字符和中文标点各计 1 字，带圈、带括号或方框的汉字、数字和单位符号（㈠①⑴㎡）及上下标数字（²）也各计 1 字；引号、破折号、省略号和间隔号（“”‘’——……·）各计 1 字，紧挨字母或数字时随之计入；每串连续的字母、数字或表情符号（含 ©、™ 等；可夹带标点，如 3.5%、e-mail、www.example.cn）计 1 字，朝鲜文按词计；单独成串的半角标点和其他符号（如 +、-、(、%、★）、空格、连接号“–”和不可见字符（零宽空格、软连字符等）不计字数。',
  'page.platformRules': '平台规则（征集通知未作规定，由本平台执行）',
  'page.rule.required': '在线申报时，{names}须填写。',
  'page.rule.optional': '{names}可以不填。',
  'page.rule.notCounted': '{names}不计入正文的 {max} 字。',
  'page.submission': '案例报送方式',
  'page.window': '征集时间',
  'page.windowRange': '{opens} 至 {closes}（{zone}）',
  'page.timeline': '时间安排',
  'page.timeline.notice': '发布征集通知',
  'page.timeline.opens': '开始征集',
  'page.timeline.closes': '征集截止',
  'page.attachments': '报送材料',
  'page.attachmentRequired': '必交',
  'page.attachmentOptional': '可选',
  'page.attachmentLimits': '最多 {count} 个，每个不超过 {size}',
  'page.submissionEmail': '征集邮箱',
  'page.downloadForm': '下载申报表（Word）',
  'page.downloadFormHint': '填写后由所在单位党组织和上级党组织签署意见并加盖公章，拍照或扫描后随案例一并报送。',
  'page.publicity': '案例宣传展示',
  'page.tiers': '推荐等次',
  'page.others': '其他',
  'page.contacts': '联系方式',
  'page.contactPeople': '联系人',
  'page.phones': '电话',
  'status.upcoming': '征集尚未开始',
  'status.upcomingDetail': '将于 {opens}（{zone}）开始征集。',
  'status.open': '征集进行中',
  'status.openDetail': '截止时间：{closes}（{zone}）',
  'status.countdown': '距截止还有',
  'status.countdownValue': '{days} 天 {hours} 小时 {minutes} 分',
  'status.closed': '征集已截止',
  'status.closedDetail': '本次征集已于 {closes}（{zone}）截止，不再接收新的申报。',
  'unit.day': '天',
  'unit.hour': '小时',
  'unit.minute': '分',
  'unit.second': '秒',
  'form.fillHint': '（请用黑色签字笔填写或打印）',
  'form.seal': '（盖章）',
  'form.signature': '负责人签字：',
  'form.date': '年    月    日',
  'notFound.title': '页面不存在',
  'notFound.body': '您访问的页面不存在或已被移除。',
  'notFound.back': '返回首页',
  'error.campaign_not_found': '未找到征集活动“{slug}”。',
  'error.not_found': '请求的资源不存在。',
  'error.invalid_request': '请求参数有误：{detail}',
  'error.text_invalid': '“{field}”的第 {position} 个字符（{character}）无法保存。这类字符不可见，通常是从其他程序粘贴带入的，请删除后重试。',
  'error.body_not_utf8': '请求内容不是有效的 UTF-8 编码文本，请以 UTF-8 编码发送。',
  'error.body_too_large': '请求内容超过此接口 {max} 的大小限制。',
  'error.unsupported_media_type': '此接口不接受类型为“{type}”的请求内容。',
  'error.unsupported_language': '不支持的语言“{lang}”，可用：zh-CN、en。',
  'error.weak_password': '密码强度不够：{problems}。',
  'error.link_invalid': '链接无效或已过期，请重新申请。',
  'error.invitation_for_other_address': '这份邀请是发给 {invitee} 的，不是您当前登录的邮箱。请退出后用该邮箱登录（或注册），再打开邀请链接。',
  'error.invalid_credentials': '邮箱或密码不正确。',
  'error.email_not_verified': '请先点击验证邮件中的链接验证邮箱，再登录。',
  'error.unauthenticated': '请先登录。',
  'error.forbidden': '您没有执行此操作的权限。',
  'error.csrf_invalid': '页面已过期，请刷新后重试。',
  'error.unit_exists': '该行政区划内已有同名单位“{name}”，可申请加入该单位。',
  'error.version_conflict': '该案例已在别处被修改（另一个标签页或另一位经办人）。请查看最新内容后再保存，您的输入未丢失。',
  'error.invalid_transition': '案例当前状态为“{status}”，不能执行此操作。',
  'error.case_read_only': '案例已提交或征集已截止，不能再修改。如需更正，请联系主办单位。',
  'error.superior_email_own_unit': '“{email}”是本单位成员的邮箱，不能作为上级党组织的邮箱。请填写上级党组织自己的邮箱，或从平台已注册的单位中选择上级党组织。',
  'error.superior_unit_invalid': '上级党组织须是平台上已注册的其他单位，不能是本单位。请重新选择。',
  'error.superior_own_case': '您也是申报单位的成员，不能为本单位的案例作出推荐。',
  'error.case_changed_since_read': '申报单位在您阅读后修改了案例，您的意见未保存。请刷新页面，查看修改之处后再作决定。',
  'error.window_closed': '征集已于 {closesAt}（{zone}）截止，无法提交。',
  'error.phase_closed': '征集活动当前处于“{phase}”阶段，此操作现在不可用。',
  'error.phase_not_adjacent': '征集活动当前处于“{phase}”阶段，只能前进或退回一个阶段，不能转到“{to}”。',
  'error.phase_reason_required': '退回上一阶段须写明理由。',
  'error.collection_still_open': '征集尚未截止（{closesAt}，{zone}），截止后才能进入初审。',
  'error.corrections_still_open': '仍有退回修改的案例可在 {dueAt}（{zone}）前重新报送，此后才能进入评审。',
  'phase.collection': '征集',
  'phase.screening': '初审',
  'phase.review': '专家评审',
  'phase.selection': '遴选',
  'phase.notice': '公示',
  'phase.final': '发布',
  'error.window_not_open': '征集将于 {closesAt}（{zone}）开始，届时方可提交；现在可以先保存草稿。',
  'error.preflight_failed': '案例还有 {count} 个问题需要处理后才能提交。',
  'error.file_type_not_allowed': '文件“{name}”的实际类型为 {detected}，{kind}只接受：{allowed}。',
  'error.file_too_large': '文件“{name}”超过 {max} 的大小限制。',
  'error.too_many_files': '{kind}最多只能上传 {max} 个文件。',
  'error.file_unsafe': '文件“{name}”未通过安全检查：{reason}。',
  'error.file_name_invalid': '文件名无效，请重命名后再上传。',
  'error.upload_offset_mismatch': '上传进度与服务器不一致，请刷新后继续上传。',
  'error.upload_busy': '这个文件的上一次上传还没有结束，请稍候几秒，上传会自动继续。',
  'error.upload_too_many_pieces': '文件“{name}”已分 {max} 段上传，达到单个文件的分段上限；请取消后重新上传该文件。',
  'error.import_failed': '无法读取该 Word 文件：{reason}。',
  'error.too_many_attempts': '登录失败次数过多，请 15 分钟后再试，或通过“忘记密码”重设密码。',
  'password.too_short': '至少需要 10 个字符',
  'password.too_long': '不能超过 128 个字符',
  'password.contains_email': '不要包含邮箱名',
  'password.contains_name': '不要包含您的姓名',
  'password.common': '这是常见密码或其变形，很容易被猜中',
  'password.common_words': '单个常见单词或姓名很容易被猜中，请用几个不相关的词',
  'password.keyboard_pattern': '不要使用键盘上相邻按键的序列（如 qwerty、1qaz）',
  'password.repetitive': '不要使用重复或连续的字符',
  'password.dates': '不要使用年份或日期',
  'password.guessable': '太容易被猜中，请加长，比如用几个不相关的词组成短句',
  'error.rate_limited': '请求过于频繁，请 {minutes} 分钟后再试。',
  'error.internal': '服务器出现错误，请稍后再试。如问题持续，请联系主办单位并提供请求编号 {requestId}。',
  'error.unavailable': '服务暂时不可用，请稍后再试。',
  'error.overloaded': '平台当前访问量很大，为保证案例的保存和提交，本页面暂缓提供，请几秒钟后再试。',
  'error.timed_out': '处理时间过长（超过 {seconds} 秒），操作已取消，未保存任何更改。请稍后再试。',
  // The workbench (web/workbench).
} as const;

export const zhCN = {
  ...base, ...workbenchZhCN, ...casesZhCN, ...filesZhCN, ...documentsZhCN, ...editorZhCN, ...journeyZhCN, ...auditZhCN, ...reviewersZhCN,
  ...screeningZhCN, ...phaseZhCN, ...similarityZhCN, ...assignmentZhCN, ...scoringZhCN, ...rankingZhCN, ...selectionZhCN, ...noticeZhCN, ...noticePageZhCN, ...rankingPageZhCN, ...selectionPageZhCN, ...dashboardPageZhCN, ...demoZhCN, ...exportsZhCN, ...certificatesZhCN,
  ...searchZhCN,
  ...publishingZhCN,
  ...publishingPageZhCN,
  ...publicPagesZhCN,
  ...libraryImportZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
