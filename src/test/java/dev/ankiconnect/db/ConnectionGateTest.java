package dev.ankiconnect.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gate before the connection pool: bounded waits, permits given back once, background apart. */
class ConnectionGateTest {

    @Test
    void aRequestWaitsBoundedThenGetsBusy() {
        ConnectionGate gate = new ConnectionGate(1, 50);
        try (ConnectionGate.Permit held = gate.enter()) {
            ServerBusyException busy = assertThrows(ServerBusyException.class, gate::enter);
            assertEquals(ServerBusyException.Reason.CONNECTION, busy.reason());
            assertEquals(50, busy.waitedMs());
        }
        // given back: the next one gets in at once
        gate.enter().close();
    }

    @Test
    void aWaitingRequestGetsTheTurnThatIsGivenBack() throws Exception {
        ConnectionGate gate = new ConnectionGate(1, 10_000);
        ConnectionGate.Permit held = gate.enter();
        CompletableFuture<ConnectionGate.Permit> waiting = CompletableFuture.supplyAsync(gate::enter);
        while (gate.waiting() == 0) {
            Thread.onSpinWait();
        }
        held.close();
        waiting.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void closingTwiceGivesBackOnce() {
        ConnectionGate gate = new ConnectionGate(1, 10);
        ConnectionGate.Permit p = gate.enter();
        p.close();
        p.close();
        ConnectionGate.Permit again = gate.enter();
        assertThrows(ServerBusyException.class, gate::enter);
        again.close();
    }

    @Test
    void backgroundWorkHasItsOwnTurnsAndNeverWaits() {
        ConnectionGate gate = new ConnectionGate(1, 10_000);
        try (ConnectionGate.Permit request = gate.enter()) {
            ConnectionGate.Permit[] bg = new ConnectionGate.Permit[ConnectionGate.BACKGROUND];
            for (int i = 0; i < bg.length; i++) {
                bg[i] = gate.tryBackground();
                assertNotNull(bg[i]);
            }
            assertNull(gate.tryBackground());
            bg[0].close();
            assertNotNull(gate.tryBackground());
        }
        assertEquals(1 + ConnectionGate.BACKGROUND, gate.poolSize());
    }

    @Test
    void poolSizeFollowsTheKeyTheContainerOrTheDefault_andLeavesHalfOfAServersConnections() {
        assertEquals(5, Database.requests(5, 0));
        assertEquals(5, Database.requests(5, 100));
        // PostgreSQL's max_connections = 20: half of it, less the background connections
        assertEquals(8, Database.requests(200, 20));
        assertEquals(1, Database.requests(200, 2));
        // outside a servlet container no thread pool is registered: the documented default, at most 16 per core
        assertEquals(
                Math.min(
                        Database.DEFAULT_REQUESTS,
                        Database.PER_CORE * Runtime.getRuntime().availableProcessors()),
                Database.requests(0, 0));
    }
}
