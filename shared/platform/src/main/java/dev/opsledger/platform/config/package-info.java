/** Configuration mechanics shared by the platform's features, such as adding default properties. */
package dev.opsledger.platform.config;
