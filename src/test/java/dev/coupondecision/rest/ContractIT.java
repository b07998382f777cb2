package dev.coupondecision.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The contract checked against the packaged jar. */
@QuarkusIntegrationTest
class ContractIT extends ContractTest {
}
