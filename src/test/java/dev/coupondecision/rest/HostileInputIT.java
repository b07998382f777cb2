package dev.coupondecision.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same hostile input against the packaged jar. */
@QuarkusIntegrationTest
class HostileInputIT extends HostileInputTest {
}
