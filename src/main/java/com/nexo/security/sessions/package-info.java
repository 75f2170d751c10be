/** Session records that outlive a node: the stores (Redis or memory), the tracker that gives each login a record and ends revoked sessions on every node, and the administrators' view of a user's sessions. */
package com.nexo.security.sessions;
