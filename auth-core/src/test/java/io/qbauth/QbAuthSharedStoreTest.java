package io.qbauth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ConfigurationException;
import org.junit.jupiter.api.Test;

/** The builder's {@code sharedStore} hook refuses nothing as a typed error, like every other setter. */
class QbAuthSharedStoreTest {

    @Test
    void a_null_shared_store_is_a_configuration_error_naming_the_field() {
        assertThatThrownBy(() -> QbAuth.builder().sharedStore(null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("sharedStore");
    }
}
