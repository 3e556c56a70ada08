package vn.citygov.demo;

import java.util.List;
import java.util.Random;

/** Plausible Vietnamese full names, the same sequence for the same seed. */
final class VietnameseNames {

    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
            "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai");
    private static final List<String> MIDDLE_MALE = List.of("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Gia");
    private static final List<String> MIDDLE_FEMALE = List.of("Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Bảo", "Hồng");
    private static final List<String> GIVEN_MALE = List.of("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khang",
            "Long", "Nam", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Tuấn", "Việt", "Vinh", "Huy", "Khoa", "Đạt");
    private static final List<String> GIVEN_FEMALE = List.of("Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hương",
            "Lan", "Linh", "Mai", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Trang", "Uyên", "Vy", "Yến");

    private final Random random;

    VietnameseNames(long seed) {
        this.random = new Random(seed);
    }

    String next() {
        boolean female = random.nextBoolean();
        String family = pick(FAMILY);
        String middle = pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
        String given = pick(female ? GIVEN_FEMALE : GIVEN_MALE);
        return family + " " + middle + " " + given;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
