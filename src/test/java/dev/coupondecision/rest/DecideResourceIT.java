package dev.coupondecision.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP contract, run by failsafe against the packaged jar ({@code target/quarkus-app/quarkus-run.jar}). */
@QuarkusIntegrationTest
public class DecideResourceIT extends DecideResourceTest {
}
