/**
 * The qbauth Spring Boot starter: no code of its own, only what a Spring Boot 4 application needs for qbauth on one
 * dependency — the auto-configuration ({@code io.qbauth.spring.boot}), the JDK transport and the Jackson codec.
 */
module io.qbauth.spring.boot.starter {
    requires transitive io.qbauth.spring.boot;
    requires io.qbauth.transport.jdk;
    requires io.qbauth.codec.jackson;
}
