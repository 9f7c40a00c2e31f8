// What the server says to people, once, in Vietnamese and English. The API sends a message's key
// and parameters beside its Vietnamese text (`messageKey`, `messageParams`); the web app's
// dictionaries hold these same entries (as `server.<key>`) and show the text in the language the
// user chose. Placeholders are `{name}`, the same in both languages.

type Entry = { vi: string; en: string };

export const serverMessages = {
  // an import's header row (imports/convert-rows.ts)
  'import.unknownColumn': {
    vi: 'Cột {position} "{name}" không thuộc mẫu {template}',
    en: 'Column {position} "{name}" is not a column of the {template} template',
  },
  'import.repeatedColumn': {
    vi: 'Cột "{header}" lặp lại',
    en: 'Column "{header}" appears twice',
  },
  'import.missingColumn': {
    vi: 'Thiếu cột bắt buộc "{header}"',
    en: 'The required column "{header}" is missing',
  },
  // an import's cells
  'import.cell.required': {
    vi: '"{header}" không được để trống',
    en: '"{header}" must not be empty',
  },
  'import.cell.notText': {
    vi: 'Ký tự không hợp lệ (kiểm tra tệp có mã hoá UTF-8)',
    en: 'Not valid text (check that the file is UTF-8)',
  },
  'import.cell.tooLong': { vi: 'Quá {max} ký tự', en: 'Longer than {max} characters' },
  'import.cell.notNumber': { vi: '"{value}" không phải là số', en: '"{value}" is not a number' },
  'import.cell.notWhole': {
    vi: '"{value}" phải là số nguyên',
    en: '"{value}" must be a whole number',
  },
  'import.cell.belowMin': { vi: 'Phải ≥ {min}', en: 'Must be at least {min}' },
  'import.cell.aboveMax': { vi: 'Phải ≤ {max}', en: 'Must be at most {max}' },
  'import.cell.notDate': {
    vi: '"{value}" không phải ngày hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd)',
    en: '"{value}" is not a valid date (dd/MM/yyyy or yyyy-MM-dd)',
  },
  'import.cell.notYesNo': { vi: '"{value}" phải là Có/Không', en: '"{value}" must be yes or no' },
  'import.cell.notOneOf': {
    vi: '"{value}" không hợp lệ; dùng một trong: {labels}',
    en: '"{value}" is not valid; use one of: {labels}',
  },
  // passwords (domains/accounts/user-rules.ts)
  'password.tooShort': {
    vi: 'Mật khẩu phải có ít nhất {min} ký tự',
    en: 'The password must be at least {min} characters long',
  },
  'password.tooFewDistinct': {
    vi: 'Mật khẩu phải có ít nhất 3 ký tự khác nhau',
    en: 'The password must have at least 3 different characters',
  },
  'password.containsUsername': {
    vi: 'Mật khẩu không được chứa tên đăng nhập',
    en: 'The password must not contain the username',
  },
  // logging in (auth/)
  'login.throttled': {
    vi: 'Đăng nhập sai quá nhiều lần, thử lại sau {minutes} phút',
    en: 'Too many failed logins: try again in {minutes} min',
  },
  'login.wrongCredentials': {
    vi: 'Sai tên đăng nhập hoặc mật khẩu',
    en: 'Wrong username or password',
  },
  // a cycle's settings (domains/checklist)
  'cycle.deadline.repeated': { vi: 'Trùng giai đoạn {stage}', en: 'The stage {stage} appears twice' },
  'cycle.deadline.outOfOrder': {
    vi: 'Hạn của bước {later} ({laterDay}) trước hạn của bước {earlier} ({earlierDay}): các hạn phải theo thứ tự quy trình',
    en: "The {later} deadline ({laterDay}) is before the {earlier} deadline ({earlierDay}): deadlines follow the workflow's order",
  },
  'cycle.decisionReference.malformed': {
    vi: 'Số quyết định "{reference}" không đúng dạng số/ký hiệu (ví dụ 125/QĐ-UBND)',
    en: 'The decision number "{reference}" is not in the number/symbol form (e.g. 125/QĐ-UBND)',
  },
  'cycle.excellentAboveLaw': {
    vi: 'Tỷ lệ hoàn thành xuất sắc {percent}% vượt mức {law}% của quy định (Nghị định 335/2025/NĐ-CP Điều 20 khoản 5): cần số quyết định của cấp có thẩm quyền',
    en: "An excellent quota of {percent}% exceeds the law's {law}% (Decree 335/2025/NĐ-CP, Article 20(5)): the competent authority's decision number is needed",
  },
  'cycle.overlapping': {
    vi: 'Đã có kỳ đánh giá năm {year} "{name}" ({unit}) bao trùm các đơn vị này',
    en: 'A {year} cycle "{name}" ({unit}) already covers these units',
  },
  'cycle.deadline.reasonShort': {
    vi: 'Cần lý do thay đổi hạn (≥ 5 ký tự)',
    en: 'A reason for changing the deadlines is required (at least 5 characters)',
  },
  'cycle.archivedIsFinal': { vi: 'Kỳ đã lưu trữ là cuối cùng', en: 'An archived cycle is final' },
  'cycle.deleteNotDraft': {
    vi: 'Chỉ xóa được kỳ đánh giá ở bước Dự thảo; kỳ "{name}" đang ở {status}',
    en: 'Only a draft cycle can be deleted; "{name}" is at {status}',
  },
  // appeals (domains/appeals)
  'appeal.reasonShort': {
    vi: 'Lý do khiếu nại cần ít nhất {min} ký tự',
    en: 'The reason for the appeal needs at least {min} characters',
  },
  'appeal.windowClosed': {
    vi: 'Đã hết thời hạn khiếu nại (hạn cuối {lastDay})',
    en: 'The appeal window closed on {lastDay}',
  },
  'appeal.requestedIsCurrent': {
    vi: 'Trùng với xếp loại hiện tại',
    en: 'The rating asked for is the current rating',
  },
  'appeal.decision.reasonShort': {
    vi: 'Cần lý do (≥ 5 ký tự)',
    en: 'A reason is required (at least 5 characters)',
  },
  'appeal.decision.rejectedKeepsRating': {
    vi: 'Bác khiếu nại thì không đổi xếp loại',
    en: 'A rejected appeal does not change the rating',
  },
  'appeal.decision.ratingUnchanged': { vi: 'Không thay đổi xếp loại', en: 'The rating is unchanged' },
  'appeal.file.none': { vi: 'Chưa chọn tệp', en: 'No file was chosen' },
  'appeal.file.wrongType': {
    vi: 'Tệp "{fileName}" không phải PDF, JPEG hay PNG',
    en: '"{fileName}" is not a PDF, JPEG or PNG file',
  },
  'appeal.file.tooLarge': {
    vi: 'Tệp "{fileName}" quá lớn: tối đa {megabytes} MB',
    en: '"{fileName}" is too large: at most {megabytes} MB',
  },
  'appeal.file.empty': { vi: 'Tệp "{fileName}" rỗng', en: '"{fileName}" is empty' },
  'appeal.file.tooMany': {
    vi: 'Tối đa {max} tệp cho một khiếu nại (đã có {count})',
    en: 'At most {max} files per appeal ({count} already)',
  },
  'appeal.file.tooMuch': {
    vi: 'Các tệp của một khiếu nại tối đa {megabytes} MB',
    en: 'The files of an appeal are at most {megabytes} MB together',
  },
  // input checks of the API's forms (Pothos validate options)
  'unit.nameEmpty': { vi: 'Tên đơn vị không được để trống', en: 'The unit name must not be empty' },
  'unit.nameTooLong': { vi: 'Tên đơn vị quá dài', en: 'The unit name is too long (at most 300 characters)' },
  'unit.codeEmpty': { vi: 'Mã đơn vị không được để trống', en: 'The unit code must not be empty' },
  'cycle.yearRange': { vi: 'Năm từ 2000 đến 2100', en: 'The year must be between 2000 and 2100' },
  'cycle.nameEmpty': { vi: 'Tên kỳ không được để trống', en: 'The cycle name must not be empty' },
  'cycle.appealDaysMin': { vi: 'Số ngày khiếu nại ≥ 1', en: 'The appeal window must be at least 1 day' },
  'selfAssessment.achievementsEmpty': {
    vi: 'Cần nêu kết quả đạt được',
    en: 'Say what was achieved',
  },
  'assessment.conductRange': { vi: 'Điểm từ 0 đến 10', en: 'The score must be between 0 and 10' },
  'user.usernameTooShort': {
    vi: 'Tên đăng nhập quá ngắn (≥ 3)',
    en: 'The username is too short (at least 3 characters)',
  },
  'user.usernameTooLong': {
    vi: 'Tên đăng nhập quá dài',
    en: 'The username is too long (at most 60 characters)',
  },
  'user.usernameCharacters': {
    vi: 'Tên đăng nhập chỉ gồm chữ, số, . _ -',
    en: 'A username has only letters, digits and . _ -',
  },
  'user.displayNameEmpty': { vi: 'Tên hiển thị trống', en: 'The display name is empty' },
  'people.searchTooLong': { vi: 'Chuỗi tìm kiếm quá dài', en: 'The search text is too long' },
  'person.fullNameEmpty': { vi: 'Họ tên không được để trống', en: 'The full name must not be empty' },
  'person.codeEmpty': { vi: 'Mã cán bộ không được để trống', en: 'The staff code must not be empty' },
  'person.emailInvalid': { vi: 'Email không hợp lệ', en: 'The email address is not valid' },
} as const satisfies Record<string, Entry>;

export type ServerMessageKey = keyof typeof serverMessages;
export type MessageParams = Record<string, string | number>;
export type MessageLocale = 'vi' | 'en';

export function isServerMessageKey(key: string): key is ServerMessageKey {
  return Object.hasOwn(serverMessages, key);
}

/** A message in one language with its parameters filled in; an unknown placeholder is left as written. */
export function formatServerMessage(
  key: ServerMessageKey,
  params: MessageParams = {},
  locale: MessageLocale = 'vi',
): string {
  return fillPlaceholders(serverMessages[key][locale], params);
}

export function fillPlaceholders(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The entries of one language keyed `server.<key>`, for the web app's dictionaries. */
export function serverDictionary(locale: MessageLocale): Record<`server.${ServerMessageKey}`, string> {
  return Object.fromEntries(
    Object.entries(serverMessages).map(([key, entry]) => [`server.${key}`, entry[locale]]),
  ) as Record<`server.${ServerMessageKey}`, string>;
}
