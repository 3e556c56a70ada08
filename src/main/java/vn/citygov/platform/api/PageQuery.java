package vn.citygov.platform.api;

import vn.citygov.platform.error.InvalidInputException;

/**
 * A requested page of a list: {@code ?page=0&size=20}. Sizes are capped so one request cannot ask
 * for a whole table.
 */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageQuery {
        if (page < 0) {
            throw new InvalidInputException("page", "validation.page.negative");
        }
        if (size < 1) {
            throw new InvalidInputException("size", "validation.size.range", MAX_SIZE);
        }
        size = Math.min(size, MAX_SIZE);
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
