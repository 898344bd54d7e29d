package dev.stride.app.training;

/** Where the Training tab's current run stands. */
public enum RunState {
    IDLE, PREPARING, RUNNING, PAUSED, STOPPING, FINISHED, STOPPED, FAILED;

    /** While a run is being prepared or trains, the design must not change under it. */
    public boolean locksDesign() {
        return this == PREPARING || this == RUNNING || this == PAUSED || this == STOPPING;
    }
}
