/**
 * What the cluster and Sentinel internals share: node addresses as servers report them. Not API, may change in
 * any release.
 */
@NullMarked
package dev.respite.impl.topology;

import org.jspecify.annotations.NullMarked;
