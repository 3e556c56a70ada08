package vn.citygov.files;

/**
 * Who a file belongs to. Ids of people and of CityGov itself (files a module generates) live in
 * different spaces, hence the kind.
 */
public record FileOwner(Kind kind, long id) {

    public static FileOwner user(long id) {
        return new FileOwner(Kind.USER, id);
    }

    public enum Kind {
        USER, SYSTEM
    }
}
