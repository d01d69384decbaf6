// The store's words a front end needs (the states of a queued dossier), given through the
// desk so that the kiosk and plain mode never import the store itself.
import MotCuaStore

public typealias QueueItemState = MotCuaStore.QueueItemState
