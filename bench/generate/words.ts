// Word lists for plausible Vietnamese names of units, places and tasks (written for the bench; the
// point is realistic lengths). People's names come from @cadre/fixtures.

export const departmentNames = [
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Tư pháp',
  'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường',
  'Sở Xây dựng',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Khoa học và Công nghệ',
  'Sở Dân tộc và Tôn giáo',
  'Thanh tra tỉnh',
  'Văn phòng UBND tỉnh',
  'Sở Ngoại vụ',
  'Ban Quản lý các khu công nghiệp',
];

export const divisionNames = [
  'Văn phòng',
  'Thanh tra',
  'Phòng Tổ chức cán bộ',
  'Phòng Kế hoạch – Tài chính',
  'Phòng Pháp chế',
  'Phòng Quản lý chuyên ngành',
  'Phòng Cải cách hành chính',
  'Phòng Công chức, viên chức',
  'Phòng Xây dựng chính quyền',
  'Phòng Thi đua – Khen thưởng',
  'Trung tâm Phục vụ hành chính công',
  'Trung tâm Dịch vụ',
  'Chi cục Quản lý',
];

export const districtPrefixes = ['huyện', 'huyện', 'huyện', 'thị xã', 'thành phố'];
export const communePrefixes = ['xã', 'xã', 'xã', 'phường', 'thị trấn'];

export const placeNames = [
  'An Bình',
  'An Phú',
  'Bình Minh',
  'Đông Hưng',
  'Đồng Tâm',
  'Hòa Bình',
  'Hòa Phú',
  'Hưng Long',
  'Kim Sơn',
  'Long Điền',
  'Minh Đức',
  'Nam Hà',
  'Nghĩa Đàn',
  'Phú Lộc',
  'Phước Sơn',
  'Quảng Điền',
  'Quỳnh Lưu',
  'Tam Kỳ',
  'Tân Phú',
  'Thạch Hà',
  'Thanh Sơn',
  'Thuận An',
  'Tiên Du',
  'Trường Xuân',
  'Vĩnh Tường',
  'Xuân Lộc',
  'Yên Định',
  'Yên Thành',
];

export const taskTitles = [
  'Tham mưu kế hoạch công tác năm',
  'Giải quyết hồ sơ thủ tục hành chính',
  'Báo cáo định kỳ quý',
  'Rà soát văn bản quy phạm pháp luật',
  'Kiểm tra, giám sát chuyên đề',
  'Số hóa hồ sơ lưu trữ',
  'Tổ chức hội nghị chuyên môn',
  'Tiếp công dân định kỳ',
  'Thẩm định dự toán ngân sách',
  'Cập nhật cơ sở dữ liệu chuyên ngành',
  'Xây dựng đề án cải cách hành chính',
  'Tổng kết công tác thi đua – khen thưởng',
];

export const initiativeTitles = [
  'Giải pháp rút ngắn thời gian giải quyết hồ sơ',
  'Ứng dụng phần mềm quản lý văn bản',
  'Quy trình tiếp nhận hồ sơ trực tuyến',
  'Mô hình một cửa liên thông',
  'Số hóa kết quả giải quyết thủ tục hành chính',
];
