/**
 * What the cluster and Sentinel data sources share: node addresses, and one connection pool per node. Not API,
 * may change in any release.
 */
@NullMarked
package dev.respite.impl.topology;

import org.jspecify.annotations.NullMarked;
