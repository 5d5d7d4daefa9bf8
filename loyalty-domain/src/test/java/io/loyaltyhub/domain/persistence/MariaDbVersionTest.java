package io.loyaltyhub.domain.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hibernate is told the MariaDB version the server really runs, not the 5.5.5 it announces. */
class MariaDbVersionTest {

    @Test
    void mariaDbIsReadWithOrWithoutTheReplicationPrefixAndMySqlIsNot() {
        assertThat(MariaDbVersion.parse("10.11.6-MariaDB-0+deb12u1")).contains(new MariaDbVersion(10, 11));
        assertThat(MariaDbVersion.parse("5.5.5-10.6.18-MariaDB-log")).contains(new MariaDbVersion(10, 6));
        assertThat(MariaDbVersion.parse("11.4.2-MariaDB")).contains(new MariaDbVersion(11, 4));
        assertThat(MariaDbVersion.parse("8.0.36")).isEmpty();
        assertThat(MariaDbVersion.parse("8.4.0-commercial")).isEmpty();
        assertThat(MariaDbVersion.parse(null)).isEmpty();
    }
}
