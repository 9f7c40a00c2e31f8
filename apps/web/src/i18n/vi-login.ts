import type { Messages } from './vi.ts';

/**
 * The Vietnamese the login route shows, in its first download; the whole dictionary (vi.ts) loads
 * right after. i18n.test.ts keeps every text here equal to vi.ts.
 */
export const viLogin = {
  'app.language': 'Ngôn ngữ',
  'app.loading': 'Đang tải…',
  'login.heading': 'Đăng nhập',
  'login.intro': 'Hệ thống đánh giá, xếp loại chất lượng và thi đua, khen thưởng',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.required': 'Nhập {field}.',
  'login.network': 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  'login.rateLimited': 'Đăng nhập sai quá nhiều lần. Đợi 15 phút rồi thử lại.',
  'login.failed':
    'Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra lại (chú ý chữ hoa, bộ gõ tiếng Việt) rồi thử lại.',
  'login.demo': 'Chế độ trình diễn: các tài khoản {accounts}, mật khẩu “{password}”.',
} satisfies Partial<Messages>;
