package cn.xunjian.console;

import cn.xunjian.console.review.RecheckWorker;

/** Runs the queued re-checks now, with the fixture's real runner, instead of waiting for the worker's timer. */
final class RecheckDrain {
    private RecheckDrain() {
    }

    static int drain(ConsoleFixture fx) {
        return new RecheckWorker(fx.services.reviews(), fx.recheckRunner()).drain();
    }
}
