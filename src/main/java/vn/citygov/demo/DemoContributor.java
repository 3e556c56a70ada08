package vn.citygov.demo;

import java.util.List;

/** A module's part of the demo data, loaded before the demo accounts. */
public interface DemoContributor {

    void load(DemoSize size);

    /** Agency codes of ward and commune People's Committees, where demo officials are placed. */
    default List<String> wardCommittees() {
        return List.of();
    }
}
