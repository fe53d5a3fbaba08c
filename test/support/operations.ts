/**
 * The frontend's heaviest read operations, shared by the round-trip pins
 * (test/performance/round-trips.test.ts) and `npm run bench`, so both measure the same thing.
 */

/** The reviewer's queue page: orders with subject, websites with domains, and the latest history entry. */
export const REVIEW_QUEUE = /* GraphQL */ `
  query ($first: Int!) {
    orders(first: $first, sort: OLDEST_SUBMISSION, filter: { status: [PENDING_INITIAL_REVIEW] }) {
      totalCount
      edges { node {
        id number status filingType provinceCode submittedAt
        subject { name nature provinceCode }
        websites { action website { name domains { name } } }
        latestEvent { sequence type toStatus createdAt detail { action } }
      } }
    }
  }
`;

/** The applicant's order detail page. */
export const ORDER_DETAIL = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) { ... on Order {
      number status version filingType provinceCode lastReason reviewComments { field comment }
      subject { name nature certificateType principal { name mobile } }
      websites { action website { name homepageUrls contentCategory domains { name } principal { name } } }
      materials { kind fileName size authenticity }
      smsVerifications { mobile roles verified }
      history(first: 50) { edges { node { sequence type fromStatus toStatus reason createdAt } } }
    } }
  }
`;
